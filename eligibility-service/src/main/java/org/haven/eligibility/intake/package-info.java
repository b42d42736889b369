/**
 * Reading case events off Kafka: the listener, the tolerant reader of the envelope, and what happens to a
 * message that cannot be read or handled.
 */
@NullMarked
package org.haven.eligibility.intake;

import org.jspecify.annotations.NullMarked;
