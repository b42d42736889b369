package org.haven.cases.domain.deadlines;

import org.haven.cases.domain.CaseEvent;
import org.haven.events.vocabulary.DeadlineType;

import java.time.LocalDate;

/** A scheduled deadline or reminder came due and was recorded in the case's history. */
public sealed interface DeadlineReached extends CaseEvent
        permits ParoleExpiring, ParoleExpired, AsylumDeadlineApproaching, EadExpiring, AdjustmentEligible,
        UnlawfulPresenceThresholdReached, DeadlineApproaching {

    DeadlineType deadlineType();

    LocalDate dueOn();

    int daysBefore();

    String ruleId();

    String citation();

    default String key() {
        return deadlineType() + "/" + dueOn() + "/" + daysBefore();
    }
}
