/**
 * Deadlines: eligibility-service's assessments recorded in the case, and the events recorded when a
 * scheduled deadline or reminder comes due. Which event a firing records is decided in {@link DeadlineSchedule}.
 */
@NullMarked
package org.haven.cases.domain.deadlines;

import org.jspecify.annotations.NullMarked;
