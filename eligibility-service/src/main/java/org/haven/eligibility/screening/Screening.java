package org.haven.eligibility.screening;

import org.haven.eligibility.history.CaseHistory;

import java.time.LocalDate;

/** A validated screening request: the history to assess and the date to assess it as of. */
record Screening(LocalDate asOf, CaseHistory history) {
}
