package org.haven.cases.deadlines;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.haven.cases.domain.deadlines.FiringCancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cancels a case's deadline firing in db-scheduler's table ({@code scheduled_tasks}, created by this service's
 * migration V3) by its id when the unit of work commits: one primary-key delete of the firing unless it is firing
 * now, in the command's own transaction.
 * <p>
 * Why not Axon's {@code cancelAllWithinScope}: on db-scheduler it reads and Java-deserializes every scheduled
 * firing of every case to find one case's, so each re-assessment cost time in proportion to all cases (a fifth of
 * case-service's CPU in the write benchmark). Why not Axon's {@code cancelSchedule}: it fails the command's
 * commit when the firing is already gone, which is normal here (it fired while the case was closed, or is firing).
 * And why not db-scheduler's {@code cancel}: it reads the row, then deletes it by its version, which costs a second
 * statement and fails ("Expected one execution to be removed") when the firing was picked in between; a firing
 * already picked fires, and records its deadline, as before.
 */
@Component
class DbSchedulerFiringCancellation implements FiringCancellation {

    private static final Logger log = LoggerFactory.getLogger(DbSchedulerFiringCancellation.class);
    private static final String DELETE_UNLESS_FIRING =
            "delete from scheduled_tasks where task_name = ? and task_instance = ? and picked = false";

    private final JdbcClient jdbc;

    DbSchedulerFiringCancellation(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        DbSchedulerDeadlineToken firing = new DbSchedulerDeadlineToken(scheduleId);
        int deleted = jdbc.sql(DELETE_UNLESS_FIRING).params(firing.getTaskName(), firing.getId()).update();
        if (deleted == 0) {
            log.debug("Deadline firing {} not cancelled: already fired or firing now", scheduleId);
        }
    }
}
