package org.haven.cases.domain.deadlines;

import org.axonframework.deadline.DeadlineManager;

/**
 * Cancels one scheduled deadline firing by its schedule id. A firing that already fired, or is firing right now,
 * is left alone rather than failing the command: a case records a firing only while it is current and has not fired.
 */
@FunctionalInterface
public interface FiringCancellation {

    void cancel(DeadlineManager deadlines, String deadlineName, String scheduleId);

    /** Through the deadline manager itself, for managers that ignore unknown ids (Axon's test fixture's). */
    FiringCancellation THROUGH_DEADLINE_MANAGER = DeadlineManager::cancelSchedule;
}
