package org.haven.cases.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when it lost a race on its case with another instance: the event store refused the
 * append ({@link ConcurrencyException}, unique case + sequence), the unit of work rolled back and with it the
 * cached copy of the case was evicted, so the next attempt loads the case as it now is and decides again. An
 * {@code If-Match} ahead of the cached copy is the same race seen earlier (the case's guard throws a
 * ConcurrencyException for it). Nothing else is retried: a rule that refuses the command, or an {@code If-Match}
 * behind the case, answers at once.
 * Axon's IntervalRetryScheduler would retry every exception not marked non-transient, rule violations included.
 */
final class ConflictRetries implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetries.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final Duration interval;

    ConflictRetries(ScheduledExecutorService executor, int maxRetries, Duration interval) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.interval = interval;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!isConflict(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        // growing, jittered pause: two instances that collided should not collide again in lock-step
        long pause = interval.toMillis() * failures.size() + ThreadLocalRandom.current().nextLong(interval.toMillis() + 1);
        log.debug("{} lost a race on its case (attempt {}); retrying in {} ms",
                commandMessage.getCommandName(), failures.size(), pause);
        executor.schedule(dispatchTask, pause, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
