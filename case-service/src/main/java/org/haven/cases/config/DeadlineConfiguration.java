package org.haven.cases.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.haven.cases.deadlines.ReminderReplanning;
import org.haven.cases.domain.deadlines.DeadlineCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Persistent deadlines: Axon's {@code DbSchedulerDeadlineManager} on db-scheduler's {@code scheduled_tasks}
 * table in this service's PostgreSQL, so a scheduled deadline survives restarts and fires on one instance only.
 * Axon's auto-configuration creates the deadline manager and its task once a {@link Scheduler} bean exists;
 * the db-scheduler Boot starter is not used because it does not activate under Boot 4.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(DeadlineConfiguration.DeadlineProperties.class)
public class DeadlineConfiguration {

    /**
     * @param zone              where a legal date starts: a deadline "on" a date fires at the start of that day here
     * @param pollInterval      how often db-scheduler looks for due deadlines
     * @param replanAgainAfter  when an organization's reminder days changed, how long after re-planning its open
     *                          cases they are re-planned once more (longer than every instance remembers the old days;
     *                          {@link ReminderReplanning})
     */
    @ConfigurationProperties("haven.deadlines")
    public record DeadlineProperties(ZoneId zone, Duration pollInterval, Duration replanAgainAfter) {
        public DeadlineProperties {
            zone = zone == null ? ZoneId.of("America/New_York") : zone;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            replanAgainAfter = replanAgainAfter == null ? Duration.ofSeconds(10) : replanAgainAfter;
        }
    }

    @Bean
    DeadlineCalendar deadlineCalendar(DeadlineProperties properties) {
        return new DeadlineCalendar(properties.zone(), Clock.systemUTC());
    }

    /**
     * On a transaction-aware view of the data source, as db-scheduler's own Spring Boot starter does: a deadline
     * scheduled by a command is inserted in the command's transaction, so no instance can pick and fire it before the
     * case's state that names it has committed (a firing the case does not know is ignored as superseded).
     */
    @Bean
    Scheduler dbScheduler(DataSource dataSource, List<Task<?>> tasks, DeadlineProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .threads(2)
                .pollingInterval(properties.pollInterval())
                .heartbeatInterval(HEARTBEAT)
                .build();
    }

    /**
     * How often an instance marks the tasks it runs as still running. A task of an instance that died (kill -9, lost
     * machine) is run again elsewhere after six missed heartbeats: 3 minutes, not db-scheduler's default 30.
     */
    static final Duration HEARTBEAT = Duration.ofSeconds(30);

    /** An organization's open cases re-planned with its new reminder days ({@link ReminderReplanning}). */
    @Bean
    Task<ReminderReplanning.Pass> reminderReplanningTask(ObjectProvider<ReminderReplanning> replanning) {
        return ReminderReplanning.task(replanning);
    }

    /**
     * Starts polling only once the whole context (and so Axon's deadline manager) is ready; a context stopped or
     * paused (Spring's test context cache pauses contexts not in use) pauses polling, so that it picks no firing its
     * stopped Axon could not handle, and resumes it on start. The scheduler itself stops when the context closes
     * ({@link #dbSchedulerStopsFirstOnClose}).
     */
    @Bean
    SmartLifecycle dbSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean started;
            private volatile boolean running;

            @Override
            public void start() {
                if (started) {
                    scheduler.resume();
                } else {
                    scheduler.start();
                    started = true;
                }
                running = true;
            }

            @Override
            public void stop() {
                scheduler.pause();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 100;
            }
        };
    }

    /**
     * On close the scheduler stops first, letting running firings finish while Axon still runs: Spring publishes
     * the closed event before it stops any lifecycle bean.
     */
    @Bean
    ApplicationListener<ContextClosedEvent> dbSchedulerStopsFirstOnClose(Scheduler scheduler) {
        return closed -> scheduler.stop();
    }
}
