package org.haven.cases;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.deadlines.DeadlineCalendar;
import org.haven.cases.domain.deadlines.RecordEligibilityAssessment;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.EligibilityResult;
import org.haven.events.vocabulary.Pathway;
import org.haven.support.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the read side's and audit's integration scenarios share: one application context on the real PostgreSQL
 * and Kafka (see {@link ReadAndAuditIntegrationTest}, which runs them) and helpers to record facts through the
 * API. Each scenario works in organizations of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ReadSideIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected CommandGateway commands;

    @Autowired
    protected DeadlineCalendar calendar;

    protected static String newOrganization(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected Api api(String organizationId, Role... roles) {
        return Api.at(port, organizationId, roles);
    }

    protected LocalDate today() {
        return LocalDate.ofInstant(calendar.now(), calendar.zone());
    }

    protected static String openCase(Api api, String givenName, String familyName) {
        Api.Response created = api.post("/api/cases", """
                {"client":{"givenName":"%s","familyName":"%s","dateOfBirth":"1990-05-01",
                 "countryOfNationality":"UA","preferredLanguage":"en"},"lastArrivalDate":"2025-01-04"}""".formatted(givenName, familyName));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Records a fact through its endpoint; returns the case's new version. */
    protected static long record(Api api, String caseId, String resource, String json) {
        Api.Response response = api.post("/api/cases/" + caseId + "/" + resource, json);
        assertThat(response.status()).as("%s: %s", resource, response.body()).isEqualTo(200);
        return response.json().get("version").asLong();
    }

    /**
     * Records an assessment as eligibility-service's would be, through Axon's command gateway, and waits until the
     * case's view shows it.
     */
    protected void assess(String organizationId, String caseId, Assessment.Deadline... deadlines) {
        UUID assessmentId = UUID.randomUUID();
        Assessment assessment = new Assessment(today(), "test-rules-1",
                List.of(new Assessment.PathwayResult(Pathway.ASYLUM, EligibilityResult.ELIGIBLE,
                        List.of(new Assessment.Reason("ASYLUM-ONE-YEAR", "INA 208(a)(2)(B)", "within a year of arrival")))),
                List.of(deadlines), List.of(new Assessment.Warning("EAD-C8-PREMATURE", "filed before day 150")));
        var command = new RecordEligibilityAssessment(CaseId.of(caseId), assessmentId, Instant.now(), assessment);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                MetaData.with(AxonConfiguration.ORGANIZATION, organizationId).and(AxonConfiguration.ACTOR, "system:test")));
        Api reader = api(organizationId, Role.CASEWORKER);
        await(() -> {
            JsonNode eligibility = reader.get("/api/cases/" + caseId).json().get("eligibility");
            return eligibility != null && !eligibility.isNull() && eligibility.get("assessmentId").asString().equals(assessmentId.toString());
        }, "the assessment to reach the read model");
    }

    protected static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    protected static void assertBadRequestNaming(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(response.body()).contains(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("org.haven");
    }
}
