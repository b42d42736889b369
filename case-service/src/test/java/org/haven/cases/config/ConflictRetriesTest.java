package org.haven.cases.config;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConflictRetriesTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus)
            .retryScheduler(new ConflictRetries(executor, 5, Duration.ofMillis(1))).build();
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void commandThatLostARaceOnItsCaseIsSentAgainUntilItWins() {
        bus.subscribe(String.class.getName(), message -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("another instance appended sequence " + attempts.get());
            }
            return "recorded";
        });

        assertThat((Object) gateway.sendAndWait("add a note")).isEqualTo("recorded");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void commandThatKeepsLosingEndsWithTheConflictAfterFiveRetries() {
        bus.subscribe(String.class.getName(), message -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("always behind");
        });

        assertThatThrownBy(() -> gateway.sendAndWait("add a note")).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(6);
    }

    @Test
    void commandRefusedByARuleIsNotRetried() {
        bus.subscribe(String.class.getName(), message -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("the case is closed");
        });

        assertThatThrownBy(() -> gateway.sendAndWait("add a note")).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
