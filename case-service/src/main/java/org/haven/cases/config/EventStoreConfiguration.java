package org.haven.cases.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;

/**
 * Axon's JDBC event store and token store on the tables of {@code V1__axon_event_store.sql}, whose columns are snake
 * case. Plain JDBC rather than Axon's JPA storage: Hibernate was a sixth of case-service's CPU samples (a JFR
 * profile under bench/writes.sh load) and nothing else here uses it. The global index comes from the column's
 * default, the sequence {@code domain_event_entry_seq} (V7). Declared here rather than left to Axon's
 * JdbcAutoConfiguration, which is skipped on Spring Boot 4 (it is evaluated before Boot has defined the DataSource
 * it waits for).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenStoreProperties.class)
public class EventStoreConfiguration {

    /**
     * The name under which this instance claims tracking segments, {@code <pid>@<host>} (Axon's default);
     * {@link org.haven.cases.scaling.SegmentBalancer} heartbeats the same name.
     */
    public static final String NODE_ID = ManagementFactory.getRuntimeMXBean().getName();

    /** PostgreSQL's SQLSTATE for a unique violation: another writer stored this case's next event first. */
    static final String UNIQUE_VIOLATION = "23505";

    /** Connections of the current Spring transaction, so events, tokens and projections commit together. */
    @Bean
    ConnectionProvider axonConnections(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connections,
                                          TransactionManager transactions, PersistenceExceptionResolver conflicts) {
        return JdbcEventStorageEngine.builder()
                .schema(eventSchema())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .persistenceExceptionResolver(conflicts)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .build();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenStoreProperties properties) {
        return new ClaimExtendingTokenStore(JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer),
                tokenSchema(), NODE_ID, properties.getClaimTimeout());
    }

    static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    static TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Tells Axon which failed append was a concurrent one (it then throws a ConcurrencyException, which
     * {@link ConflictRetries} retries). Axon's JDBC default looks for {@code SQLIntegrityConstraintViolationException},
     * which the PostgreSQL driver never throws; it reports the SQLSTATE instead.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationIsConcurrentAppend() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }
}
