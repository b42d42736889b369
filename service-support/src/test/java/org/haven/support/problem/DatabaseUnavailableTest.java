package org.haven.support.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A database outage is a 503 the client may retry, not a 500; every other unexpected failure stays a 500. */
class DatabaseUnavailableTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void aConnectionFailureDeepInTheCausesIsA503WithRetryAfter() {
        var failure = new IllegalStateException("command failed",
                new RuntimeException("could not execute statement", new SQLException("An I/O error occurred", "08006")));

        var answer = advice.unexpected(failure);

        assertThat(answer.getStatusCode().value()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(answer.getBody().getDetail()).contains("database is unavailable").doesNotContain("08006");
    }

    @Test
    void anAdministratorShutdownAndAPoolTimeoutAreUnavailableToo() {
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new RuntimeException(new SQLTransientConnectionException("pool timeout")))).isTrue();
    }

    /** A transaction's connection broke (the database restarted); its next statement meets the pool's closed proxy. */
    @Test
    void aStatementOnAConnectionThePoolClosedIsUnavailableToo() {
        assertThat(ProblemDetailsAdvice.databaseUnavailable(
                new RuntimeException("Failed to create a SQL statement", new SQLException("Connection is closed")))).isTrue();
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new SQLException("Connection is closed", "23505"))).isFalse();
    }

    @Test
    void aConstraintViolationOrAnyOtherFailureStaysA500() {
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(advice.unexpected(new IllegalStateException("bug")).getStatusCode().value()).isEqualTo(500);
    }
}
