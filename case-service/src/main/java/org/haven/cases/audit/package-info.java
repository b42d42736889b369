/**
 * The audit slice: a case's history and its hash chain's verification, read from the event store only. The
 * as-of view and projection replays belong to the read side ({@code org.haven.cases.read}), whose fold and
 * tables they use; audit and read do not reach into each other.
 */
@NullMarked
package org.haven.cases.audit;

import org.jspecify.annotations.NullMarked;
