package org.haven.cases.config;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.flywaydb.core.Flyway;
import org.haven.infra.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token store on the real schema (Flyway's migrations on a database of its own). */
class ClaimExtendingTokenStoreTest {

    private static DataSource dataSource;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                infrastructure.jdbcUrl("haven_case_token_store"), infrastructure.username(), infrastructure.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    private static ClaimExtendingTokenStore storeOf(String nodeId) {
        return storeOf(nodeId, Duration.ofSeconds(10));
    }

    /** On Spring-managed connections, as in the service: the store takes part in the caller's transaction. */
    private static ClaimExtendingTokenStore storeOf(String nodeId, Duration claimTimeout) {
        return new ClaimExtendingTokenStore(JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(JacksonSerializer.defaultSerializer()),
                EventStoreConfiguration.tokenSchema(), nodeId, claimTimeout);
    }

    private static void inTransaction(Runnable work, boolean commit) {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.executeWithoutResult(status -> {
            work.run();
            if (!commit) {
                status.setRollbackOnly();
            }
        });
    }

    /** The store of node 1@owner, holding the claim on segment 0 of a processor of its own. */
    private static ClaimExtendingTokenStore claiming(String processor) {
        return claiming(processor, Duration.ofSeconds(10));
    }

    private static ClaimExtendingTokenStore claiming(String processor, Duration claimTimeout) {
        ClaimExtendingTokenStore store = storeOf("1@owner", claimTimeout);
        store.initializeTokenSegments(processor, 1);
        store.fetchToken(processor, 0);
        return store;
    }

    private static void storeIn(ClaimExtendingTokenStore store, String processor, boolean commit) {
        inTransaction(() -> store.storeToken(new GlobalSequenceTrackingToken(7), processor, 0), commit);
    }

    private static String claimOf(String processor) {
        return jdbc.queryForObject("select owner || ' ' || timestamp from token_entry where processor_name = ? and segment = 0",
                String.class, processor);
    }

    @Test
    void theOwnerExtendsItsClaimWithOneUpdate() throws Exception {
        ClaimExtendingTokenStore owner = claiming("extend");
        String claimed = claimOf("extend");
        Thread.sleep(5);

        owner.extendClaim("extend", 0);

        assertThat(claimOf("extend")).startsWith("1@owner ").isNotEqualTo(claimed);
    }

    @Test
    void aClaimThisNodeCommittedMomentsAgoIsNotWrittenAgain() throws Exception {
        ClaimExtendingTokenStore owner = claiming("fresh");
        storeIn(owner, "fresh", true);
        String stored = claimOf("fresh");
        Thread.sleep(5);

        inTransaction(() -> owner.extendClaim("fresh", 0), true);

        assertThat(claimOf("fresh")).isEqualTo(stored);
    }

    @Test
    void aClaimOlderThanAQuarterOfTheTimeoutIsExtended() throws Exception {
        ClaimExtendingTokenStore owner = claiming("ageing", Duration.ofMillis(40));
        storeIn(owner, "ageing", true);
        String stored = claimOf("ageing");
        Thread.sleep(15);

        inTransaction(() -> owner.extendClaim("ageing", 0), true);

        assertThat(claimOf("ageing")).startsWith("1@owner ").isNotEqualTo(stored);
    }

    @Test
    void aTokenStoredInATransactionRolledBackDoesNotMakeTheClaimFresh() throws Exception {
        ClaimExtendingTokenStore owner = claiming("rolled-back");
        storeIn(owner, "rolled-back", false);
        String claimed = claimOf("rolled-back");
        Thread.sleep(5);

        inTransaction(() -> owner.extendClaim("rolled-back", 0), true);

        assertThat(claimOf("rolled-back")).startsWith("1@owner ").isNotEqualTo(claimed);
    }

    @Test
    void aClaimReleasedAndTakenByAnotherNodeCannotBeExtendedThoughItWasFresh() {
        ClaimExtendingTokenStore owner = claiming("released");
        storeIn(owner, "released", true);
        owner.releaseClaim("released", 0);
        storeOf("2@other").fetchToken("released", 0);

        assertThatThrownBy(() -> inTransaction(() -> owner.extendClaim("released", 0), true))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(claimOf("released")).startsWith("2@other ");
    }

    @Test
    void anotherNodeCannotExtendAClaimItDoesNotHold() {
        ClaimExtendingTokenStore owner = claiming("taken");
        String claimed = claimOf("taken");

        assertThatThrownBy(() -> storeOf("2@other").extendClaim("taken", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(claimOf("taken")).isEqualTo(claimed);
    }

    @Test
    void tokensAreStoredAndReadBackInTheSchema() {
        ClaimExtendingTokenStore owner = claiming("stored");

        owner.storeToken(new GlobalSequenceTrackingToken(41), "stored", 0);

        assertThat(owner.fetchToken("stored", 0)).isEqualTo(new GlobalSequenceTrackingToken(41));
    }
}
