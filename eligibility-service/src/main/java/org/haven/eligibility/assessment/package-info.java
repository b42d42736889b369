/**
 * Assessing a history as of a date: every rule in force on that date is evaluated, and its findings become the
 * {@link org.haven.events.Assessment} of the Kafka contract — pathway results with reasons, deadlines, warnings.
 */
@NullMarked
package org.haven.eligibility.assessment;

import org.jspecify.annotations.NullMarked;
