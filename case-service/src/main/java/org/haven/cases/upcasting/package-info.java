/**
 * Upcasters: how events recorded under an older {@code @Revision} are read today. One class per revision step,
 * each a Spring bean that Axon adds to the event store's upcaster chain. An upcaster must not change the
 * canonical JSON a recorded event was hashed over (see {@code HashChain}), or the audit verification would
 * report every upcast event as tampered.
 */
@NullMarked
package org.haven.cases.upcasting;

import org.jspecify.annotations.NullMarked;
