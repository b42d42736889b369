package org.haven.cases.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.haven.cases.domain.CaseCommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Axon without Axon Server: JDBC event store on PostgreSQL ({@link EventStoreConfiguration}); events, snapshots and
 * messages as JSON (never Java serialization, never default typing).
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Metadata every command carries and every event it causes inherits: who did it, for which organization. */
    public static final String ACTOR = "actor";
    public static final String ORGANIZATION = "organizationId";

    /** How many cases (and, in the read model, case views) an instance keeps in memory. */
    public static final String CACHED_CASES = "${haven.cases.cached:10000}";

    /** The bean that tells Axon which case a command is for ({@link #caseCommandTargets}). */
    public static final String COMMAND_TARGETS = "caseCommandTargets";

    /** A case with a long history is loaded from a snapshot plus the events after it. */
    static final int SNAPSHOT_EVERY_EVENTS = 50;

    /**
     * Axon's JacksonSerializer is Jackson 2; Boot 4 configures only Jackson 3. Axon picks this bean up by its name
     * for the general, message and event serializers ({@code axon.serializer.*: jackson}).
     */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Axon's units of work in Spring's transactions: a command's events commit together with what its handler wrote
     * (a cancelled deadline firing), and a tracking processor's batch commits its rows and its token together.
     * Axon's auto-configuration makes this bean only when it has seen Spring's transaction manager, and it orders
     * itself after Boot 3's class names, which Boot 4 moved: it fell back to no transactions, every statement
     * committed on its own.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    /**
     * A handler that fails is retried (with Axon's back-off) instead of being logged and skipped: skipping would
     * advance the relay's token past an event that never reached Kafka, or leave a projection missing a row.
     */
    @Autowired
    void failingHandlersAreRetried(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * Cases stay in memory between commands instead of being rebuilt from their events each time: the
     * {@code haven.cases.cached} (default 10,000) most recently used, in an Ehcache heap store through Axon's own
     * adapter. (Until the ninth session this was Axon's {@code WeakReferenceCache}: the JVM clears weak references at
     * the next collection, so under load nearly every command re-read its case's snapshot and events — a quarter of
     * the command threads' CPU.) With several instances, a command routed to an instance holding an older copy fails
     * on the event store's unique (case, sequence) constraint, or, with an {@code If-Match} ahead of that copy, in the
     * case's guard; either way the rollback evicts that copy (Axon's CachingEventSourcingRepository removes the entry
     * when a unit of work that loaded it rolls back) and {@link #commandGateway} sends the command again (409, or 412
     * for the If-Match, only if it keeps losing).
     */
    @Bean
    Cache caseCache(CacheManager caches, @Value(CACHED_CASES) long cachedCases) {
        return new EhCache3Adapter((Ehcache<Object, Object>) caches.createCache("cases",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(cachedCases))));
    }

    /** The service's in-memory caches (heap only): the cases here, the case views of the read model. */
    @Bean(destroyMethod = "close")
    CacheManager caches() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    /** Axon's default gateway plus {@link ConflictRetries}: up to 5 more attempts, 25 ms apart and growing. */
    @Bean(destroyMethod = "")
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("command-conflict-retry").daemon().factory());
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetries(retries, 5, Duration.ofMillis(25)))
                .build();
    }

    /**
     * Which case a command is for: its {@link CaseCommand#caseId()}, which every command on an existing case
     * implements. Axon's default, the AnnotationCommandTargetResolver, searched each command's fields and methods for
     * {@code @TargetAggregateIdentifier} and {@code @TargetAggregateVersion} on every call: ~3 % of case-service's CPU
     * under load (a JFR profile under WriteBenchmark's parole steps). No command carries a version for Axon to check
     * (the {@code If-Match} version travels in the metadata, see Case#guard). The commands keep their
     * {@code @TargetAggregateIdentifier}, which Axon's test fixtures read.
     */
    @Bean(COMMAND_TARGETS)
    CommandTargetResolver caseCommandTargets() {
        return command -> {
            if (command.getPayload() instanceof CaseCommand onCase) {
                return new VersionedAggregateIdentifier(onCase.caseId(), null);
            }
            throw new IllegalArgumentException("Command " + command.getCommandName() + " names no case: it is not a CaseCommand");
        };
    }

    @Bean
    SnapshotTriggerDefinition caseSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY_EVENTS);
    }

    @Bean
    CorrelationDataProvider actorAndOrganization() {
        return new SimpleCorrelationDataProvider(ACTOR, ORGANIZATION);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
