package org.haven.cases.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.haven.cases.domain.deadlines.FiringCancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Cancels a case's deadline firing in db-scheduler's table by its id (one primary-key delete) when the unit of
 * work commits.
 * <p>
 * Why not Axon's {@code cancelAllWithinScope}: on db-scheduler it reads and Java-deserializes every scheduled
 * firing of every case to find one case's, so each re-assessment cost time in proportion to all cases (a fifth of
 * case-service's CPU in the write benchmark). And why not Axon's {@code cancelSchedule}: it fails the command's
 * commit when the firing is already gone, which is normal here (it fired while the case was closed, or is firing).
 */
@Component
class DbSchedulerFiringCancellation implements FiringCancellation {

    private static final Logger log = LoggerFactory.getLogger(DbSchedulerFiringCancellation.class);

    private final Scheduler scheduler;

    DbSchedulerFiringCancellation(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void cancel(DeadlineManager deadlines, String deadlineName, String scheduleId) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> cancelNow(scheduleId));
        } else {
            cancelNow(scheduleId);
        }
    }

    private void cancelNow(String scheduleId) {
        try {
            scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
        } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException gone) {
            log.debug("Deadline firing {} not cancelled: {}", scheduleId, gone.getMessage());
        }
    }
}
