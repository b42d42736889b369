package org.haven.cases.config;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.haven.infra.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;

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
        return new ClaimExtendingTokenStore(JdbcTokenStore.builder()
                .connectionProvider(dataSource::getConnection)
                .serializer(JacksonSerializer.defaultSerializer()),
                EventStoreConfiguration.tokenSchema(), nodeId);
    }

    private static String claimOf(String processor) {
        return jdbc.queryForObject("select owner || ' ' || timestamp from token_entry where processor_name = ? and segment = 0",
                String.class, processor);
    }

    @Test
    void theOwnerExtendsItsClaimWithOneUpdate() throws Exception {
        ClaimExtendingTokenStore owner = storeOf("1@owner");
        owner.initializeTokenSegments("extend", 1);
        owner.fetchToken("extend", 0);
        String claimed = claimOf("extend");
        Thread.sleep(5);

        owner.extendClaim("extend", 0);

        assertThat(claimOf("extend")).startsWith("1@owner ").isNotEqualTo(claimed);
    }

    @Test
    void anotherNodeCannotExtendAClaimItDoesNotHold() {
        ClaimExtendingTokenStore owner = storeOf("1@owner");
        owner.initializeTokenSegments("taken", 1);
        owner.fetchToken("taken", 0);
        String claimed = claimOf("taken");

        assertThatThrownBy(() -> storeOf("2@other").extendClaim("taken", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(claimOf("taken")).isEqualTo(claimed);
    }

    @Test
    void tokensAreStoredAndReadBackInTheSchema() {
        ClaimExtendingTokenStore owner = storeOf("1@owner");
        owner.initializeTokenSegments("stored", 1);
        owner.fetchToken("stored", 0);

        owner.storeToken(new GlobalSequenceTrackingToken(41), "stored", 0);

        assertThat(owner.fetchToken("stored", 0)).isEqualTo(new GlobalSequenceTrackingToken(41));
    }
}
