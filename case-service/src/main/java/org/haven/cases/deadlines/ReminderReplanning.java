package org.haven.cases.deadlines;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.config.DeadlineConfiguration;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.CaseNotFound;
import org.haven.cases.domain.CaseRuleViolation;
import org.haven.cases.domain.deadlines.ApplyOrganizationReminderDays;
import org.haven.cases.read.CaseQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Re-plans an organization's open cases with its new reminder days ({@link ApplyOrganizationReminderDays}, one case
 * after another), as db-scheduler tasks in {@code scheduled_tasks}: the first pass is scheduled in the transaction
 * that stores the new days, so a crash anywhere after it leaves the pass to run (again, on any instance; db-scheduler
 * runs a pass whose instance died once its heartbeat is missed), and cases already re-planned have nothing left to do.
 * <p>
 * Twice: at once, and again {@code haven.deadlines.replan-again-after} after the first pass, once every instance has
 * forgotten the old days ({@link ReminderSettingsStore#REMEMBERED}) and the read model has had time to show cases
 * opened just before. Without the second pass, an assessment recorded on another instance in those seconds, with the
 * old days it still remembered, or a case the read model did not list yet, kept the old days until its next
 * assessment. The second pass changes nothing for the cases already right.
 */
@Component
public class ReminderReplanning {

    static final String ACTOR = "system:reminder-settings";
    private static final Logger log = LoggerFactory.getLogger(ReminderReplanning.class);

    /** One pass over one organization's open cases, for the days it set at {@code settingsUpdatedAt}. */
    public record Pass(String organizationId, Instant settingsUpdatedAt, int number) implements Serializable {

        String instanceId() {
            return organizationId + "@" + settingsUpdatedAt + "#" + number;
        }

        Pass next() {
            return new Pass(organizationId, settingsUpdatedAt, number + 1);
        }
    }

    public static final TaskDescriptor<Pass> TASK = TaskDescriptor.of("replan-reminder-days", Pass.class);

    /** The db-scheduler task; its handler is looked up when a pass runs (the scheduler is built before Axon). */
    public static OneTimeTask<Pass> task(ObjectProvider<ReminderReplanning> replanning) {
        return Tasks.oneTime(TASK).execute((instance, context) -> replanning.getObject().run(instance.getData(), context));
    }

    private final CaseQueries cases;
    private final CommandGateway commands;
    private final SchedulerClient scheduler;
    private final Duration secondPassAfter;

    ReminderReplanning(CaseQueries cases, CommandGateway commands, SchedulerClient scheduler,
                       DeadlineConfiguration.DeadlineProperties deadlines) {
        this.cases = cases;
        this.commands = commands;
        this.scheduler = scheduler;
        this.secondPassAfter = deadlines.replanAgainAfter();
    }

    /** Schedules the first pass to run at once; in the caller's transaction (the one storing the days). */
    void startFor(String organizationId, Instant settingsUpdatedAt) {
        Pass first = new Pass(organizationId, settingsUpdatedAt, 1);
        scheduler.scheduleIfNotExists(TASK.instance(first.instanceId()).data(first).build(), Instant.now());
    }

    private void run(Pass pass, ExecutionContext context) {
        replanOpenCases(pass);
        if (pass.number() == 1) {
            TaskInstance<Pass> second = TASK.instance(pass.next().instanceId()).data(pass.next()).build();
            context.getSchedulerClient().scheduleIfNotExists(second, Instant.now().plus(secondPassAfter));
        }
    }

    private void replanOpenCases(Pass pass) {
        List<UUID> open = cases.openCaseIds(pass.organizationId());
        MetaData metaData = MetaData.with(AxonConfiguration.ACTOR, ACTOR).and(AxonConfiguration.ORGANIZATION, pass.organizationId());
        int skipped = 0;
        for (UUID caseId : open) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new ApplyOrganizationReminderDays(new CaseId(caseId))).andMetaData(metaData));
            } catch (AggregateNotFoundException | CaseNotFound | CaseRuleViolation gone) {
                skipped++;
                log.debug("Case {} not re-planned: {}", caseId, gone.toString());
            }
        }
        log.info("Re-planned the reminders of {} open cases of {} (pass {} for the days of {}; {} skipped)",
                open.size() - skipped, pass.organizationId(), pass.number(), pass.settingsUpdatedAt(), skipped);
    }
}
