package org.haven.cases.deadlines;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.haven.cases.Api;
import org.haven.cases.CaseEventsTopic;
import org.haven.cases.EligibilityTopic;
import org.haven.cases.RealInfrastructure;
import org.haven.cases.config.DeadlineConfiguration;
import org.haven.cases.domain.deadlines.OrganizationReminderDays;
import org.haven.cases.read.CaseQueries;
import org.haven.cases.write.Case;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload;
import org.haven.events.ReminderSettings;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** From an assessment on Kafka to the deadline recorded in the case's history, on real PostgreSQL and Kafka. */
// A change of reminder days re-plans the open cases twice; the second pass comes 5 s after the first here (10 s by default).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "haven.deadlines.replan-again-after=5s")
class DeadlinesIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @BeforeAll
    static void eligibilityTopic() {
        EligibilityTopic.ensureTopic();
    }

    @LocalServerPort
    int port;
    @Autowired
    OrganizationReminderDays reminderDays;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadlineManager deadlineManager;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JsonMapper json;
    @Autowired
    ReminderSettingsStore reminderSettings;
    @Autowired
    ReminderReplanning replanning;
    @Autowired
    CaseQueries caseQueries;
    @Autowired
    CommandGateway commands;
    @Autowired
    DeadlineConfiguration.DeadlineProperties deadlineProperties;

    private Api caseworker() {
        return Api.at(port, "org-a", Role.CASEWORKER);
    }

    private String paroledCaseEndingOn(LocalDate validUntil) {
        return paroledCaseEndingOn(caseworker(), validUntil);
    }

    private String paroledCaseEndingOn(Api caseworker, LocalDate validUntil) {
        String id = caseworker.post("/api/cases", Api.openCaseBody("Deadline")).json().get("id").asString();
        assertThat(caseworker.post("/api/cases/" + id + "/parole-requests", """
                {"filedOn":"2025-09-01","kind":"INITIAL","basis":"URGENT_HUMANITARIAN","urgency":"URGENT"}""").status()).isEqualTo(200);
        assertThat(caseworker.post("/api/cases/" + id + "/parole-grants", """
                {"grantedOn":"%s","validUntil":"%s"}""".formatted(validUntil.minusYears(1), validUntil)).status()).isEqualTo(200);
        return id;
    }

    @Test
    void paroleEndingIn20DaysRecordsParoleExpiringWithinSeconds() throws InterruptedException {
        LocalDate validUntil = LocalDate.now().plusDays(20);
        String id = paroledCaseEndingOn(validUntil);

        EligibilityTopic.publish(EligibilityTopic.assessment(UUID.fromString(id), "org-a", EligibilityTopic.paroleEndingOn(validUntil)));

        JsonNode expiring = awaitEvent(id, "ParoleExpiring", Duration.ofSeconds(20));
        assertThat(expiring.get("payload").get("daysBefore").asInt()).isEqualTo(30);
        assertThat(expiring.get("payload").get("dueOn").asString()).isEqualTo(validUntil.toString());
        assertThat(expiring.get("actor").asString()).isEqualTo("system:deadlines");
        assertThat(typesOf(id)).containsSubsequence("ParoleGranted", "EligibilityAssessed", "ParoleExpiring");
        assertThat(CaseEventsTopic.typesPublishedFor(id, "ParoleExpiring", Duration.ofSeconds(20))).contains("ParoleExpiring");
    }

    @Test
    void anOrganizationsOwnReminderDaysFromNotificationServiceReplaceTheRulesDays() throws InterruptedException {
        String organization = "org-reminders-" + UUID.randomUUID().toString().substring(0, 8);
        Api caseworker = Api.at(port, organization, Role.CASEWORKER);
        EligibilityTopic.publishReminderSettings(new ReminderSettings(organization,
                Map.of(DeadlineType.PAROLE_EXPIRY, List.of(25, 5)), Instant.now()));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (reminderDays.of(organization).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(reminderDays.of(organization)).containsEntry(DeadlineType.PAROLE_EXPIRY, List.of(25, 5));
        LocalDate validUntil = LocalDate.now().plusDays(20);
        String id = paroledCaseEndingOn(caseworker, validUntil);

        EligibilityTopic.publish(EligibilityTopic.assessment(UUID.fromString(id), organization, EligibilityTopic.paroleEndingOn(validUntil)));

        // The rules' 30-day reminder would fire at once; the organization's passed reminder is the 25-day one.
        JsonNode expiring = awaitEvent(caseworker, id, "ParoleExpiring", Duration.ofSeconds(20));
        assertThat(expiring.get("payload").get("daysBefore").asInt()).isEqualTo(25);
        JsonNode assessed = awaitEvent(caseworker, id, "EligibilityAssessed", Duration.ofSeconds(1));
        assertThat(reminderDaysOfFirstDeadline(assessed)).containsExactly(25, 5);
    }

    @Test
    void whenAnOrganizationChangesItsReminderDaysItsOpenCasesAreReplanned() throws InterruptedException {
        String organization = "org-replan-" + UUID.randomUUID().toString().substring(0, 8);
        Api caseworker = Api.at(port, organization, Role.CASEWORKER);
        LocalDate validUntil = LocalDate.now().plusDays(20);
        String id = paroledCaseEndingOn(caseworker, validUntil);
        assertThat(assessedUntilItsFirstParoleExpiring(caseworker, organization, id, validUntil).get("payload").get("daysBefore").asInt())
                .isEqualTo(30); // the rules' days: 30 has passed

        EligibilityTopic.publishReminderSettings(new ReminderSettings(organization,
                Map.of(DeadlineType.PAROLE_EXPIRY, List.of(25, 5)), Instant.now()));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Integer> expiringDays = List.of();
        while (expiringDays.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            expiringDays = expiringDaysOf(caseworker, id);
        }
        assertThat(expiringDays).containsExactly(30, 25);
        List<JsonNode> assessed = caseworker.get("/api/cases/" + id + "/history").json().valueStream()
                .filter(event -> event.get("type").asString().equals("EligibilityAssessed")).toList();
        assertThat(assessed).hasSize(2);
        assertThat(assessed.get(1).get("actor").asString()).isEqualTo("system:reminder-settings");
        assertThat(reminderDaysOfFirstDeadline(assessed.get(1))).containsExactly(25, 5);
    }

    @Test
    void aCaseTheReadModelDidNotListAsOpenAtTheFirstPassIsReplannedAtTheSecond() throws InterruptedException {
        String organization = "org-late-" + UUID.randomUUID().toString().substring(0, 8);
        Api caseworker = Api.at(port, organization, Role.CASEWORKER);
        LocalDate validUntil = LocalDate.now().plusDays(20);
        String listed = paroledCaseEndingOn(caseworker, validUntil);
        String late = paroledCaseEndingOn(caseworker, validUntil);
        for (String id : List.of(listed, late)) {
            assessedUntilItsFirstParoleExpiring(caseworker, organization, id, validUntil);
        }
        // As if the read model had not yet shown the case open (a case opened or reopened moments before).
        jdbc.update("update case_summary set status = 'CLOSED' where case_id = ?", UUID.fromString(late));

        EligibilityTopic.publishReminderSettings(new ReminderSettings(organization,
                Map.of(DeadlineType.PAROLE_EXPIRY, List.of(25, 5)), Instant.now()));
        awaitLast(caseworker, listed, "EligibilityAssessed", assessed -> assessed.get("actor").asString()
                .equals(ReminderReplanning.ACTOR), Duration.ofSeconds(20)); // the first pass is done
        assertThat(expiringDaysOf(caseworker, late)).containsExactly(30);
        jdbc.update("update case_summary set status = 'OPEN' where case_id = ?", UUID.fromString(late));

        JsonNode replanned = awaitLast(caseworker, late, "EligibilityAssessed", assessed -> assessed.get("actor").asString()
                .equals(ReminderReplanning.ACTOR), Duration.ofSeconds(20));
        assertThat(reminderDaysOfFirstDeadline(replanned)).containsExactly(25, 5);
        awaitLast(caseworker, late, "ParoleExpiring", expiring -> expiring.get("payload").get("daysBefore").asInt() == 25,
                Duration.ofSeconds(20));
        assertThat(expiringDaysOf(caseworker, late)).containsExactly(30, 25);
    }

    @Test
    void newReminderDaysAreStoredOnlyWithTheirReplanningOnRecord() {
        String organization = "org-atomic-" + UUID.randomUUID().toString().substring(0, 8);
        String record = json.writeValueAsString(new ReminderSettings(organization,
                Map.of(DeadlineType.PAROLE_EXPIRY, List.of(25, 5)), Instant.now()));
        SchedulerClient failing = (SchedulerClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{SchedulerClient.class}, (proxy, method, arguments) -> {
                    throw new IllegalStateException("scheduled_tasks unavailable");
                });
        var listener = new ReminderSettingsListener(json, reminderSettings,
                new ReminderReplanning(caseQueries, commands, failing, deadlineProperties), transactions);

        assertThatThrownBy(() -> listener.onReminderSettings(new ConsumerRecord<>("reminder-settings", 0, 0, organization, record)))
                .hasMessageContaining("scheduled_tasks unavailable");

        // Not stored: the redelivered record must still find the days changed, or its cases would never be re-planned.
        assertThat(jdbc.queryForObject("select count(*) from organization_reminder_days where organization_id = ?",
                Long.class, organization)).isZero();

        new ReminderSettingsListener(json, reminderSettings, replanning, transactions)
                .onReminderSettings(new ConsumerRecord<>("reminder-settings", 0, 0, organization, record));
        assertThat(jdbc.queryForObject("select count(*) from organization_reminder_days where organization_id = ?",
                Long.class, organization)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ? and task_instance like ?",
                Long.class, ReminderReplanning.TASK.getTaskName(), organization + "@%")).isOne();
    }

    /** Publishes the rules' assessment of a paroled case and waits for its first {@code ParoleExpiring}. */
    private JsonNode assessedUntilItsFirstParoleExpiring(Api caseworker, String organization, String id, LocalDate validUntil)
            throws InterruptedException {
        EligibilityTopic.publish(EligibilityTopic.assessment(UUID.fromString(id), organization, EligibilityTopic.paroleEndingOn(validUntil)));
        return awaitEvent(caseworker, id, "ParoleExpiring", Duration.ofSeconds(20));
    }

    /** The reminder days an {@code EligibilityAssessed} in a history gives its first deadline. */
    private static List<Integer> reminderDaysOfFirstDeadline(JsonNode assessed) {
        return assessed.get("payload").get("assessment").get("deadlines").get(0).get("remindDaysBefore").valueStream()
                .map(JsonNode::asInt).toList();
    }

    private static List<Integer> expiringDaysOf(Api caseworker, String id) {
        return caseworker.get("/api/cases/" + id + "/history").json().valueStream()
                .filter(event -> event.get("type").asString().equals("ParoleExpiring"))
                .map(event -> event.get("payload").get("daysBefore").asInt()).toList();
    }

    /** A snapshot without the published assessment would leave an existing case unable to re-plan. */
    @Test
    void snapshotsOfAnEarlierShapeOfTheCaseAreIgnored() {
        var snapshotFilter = axon.snapshotFilter();
        var snapshotOfToday = new org.axonframework.eventhandling.GenericDomainEventEntry<>("Case", UUID.randomUUID().toString(),
                60, UUID.randomUUID().toString(), Instant.now(), Case.class.getName(), "2", new byte[0], new byte[0]);
        var snapshotOfBefore = new org.axonframework.eventhandling.GenericDomainEventEntry<>("Case", UUID.randomUUID().toString(),
                60, UUID.randomUUID().toString(), Instant.now(), Case.class.getName(), null, new byte[0], new byte[0]);

        assertThat(snapshotFilter.allow(snapshotOfToday)).isTrue();
        assertThat(snapshotFilter.allow(snapshotOfBefore)).isFalse();
    }

    @Test
    void theFiringsOfAReplacedDeadlineAreRemovedFromTheScheduler() throws InterruptedException {
        LocalDate validUntil = LocalDate.now().plusDays(200);
        String id = paroledCaseEndingOn(validUntil);
        EligibilityTopic.publish(EligibilityTopic.assessment(UUID.fromString(id), "org-a", EligibilityTopic.paroleEndingOn(validUntil)));
        awaitEvent(id, "EligibilityAssessed", Duration.ofSeconds(20));
        long firings = firingsWaitingFor(id, validUntil);
        assertThat(firings).isPositive(); // the rules' reminders 90, 60 and 30 days before, and the end itself

        LocalDate extended = validUntil.plusDays(60);
        EligibilityTopic.publish(EligibilityTopic.assessment(UUID.fromString(id), "org-a", EligibilityTopic.paroleEndingOn(extended)));
        awaitLast(id, "EligibilityAssessed", assessed -> assessed.get("payload").get("assessment").get("deadlines").get(0)
                .get("dueOn").asString().equals(extended.toString()), Duration.ofSeconds(20));

        assertThat(firingsWaitingFor(id, extended)).isEqualTo(firings);
        assertThat(firingsWaitingFor(id, validUntil)).isZero();
    }

    @Test
    void aDeadlineScheduledInATransactionThatRollsBackIsNeverScheduled() {
        String caseId = UUID.randomUUID().toString();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            deadlineManager.schedule(Duration.ofDays(30), "rolled-back", "payload", new AggregateScopeDescriptor("Case", caseId));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where position(convert_to(?, 'UTF8') in task_data) > 0",
                Long.class, caseId)).isZero();
    }

    /** db-scheduler's rows for the case's firings of a deadline due on a date (both are in the row's serialized data). */
    private long firingsWaitingFor(String caseId, LocalDate dueOn) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where position(convert_to(?, 'UTF8') in task_data) > 0"
                + " and position(convert_to(?, 'UTF8') in task_data) > 0", Long.class, caseId, "\"dueOn\":\"" + dueOn + "\"");
    }

    @Test
    void aRedeliveredAssessmentIsRecordedOnce() throws InterruptedException {
        LocalDate validUntil = LocalDate.now().plusDays(200);
        String id = paroledCaseEndingOn(validUntil);
        CaseEventEnvelope<CaseEventPayload.EligibilityAssessed> assessment =
                EligibilityTopic.assessment(UUID.fromString(id), "org-a", EligibilityTopic.paroleEndingOn(validUntil));

        EligibilityTopic.publish(assessment);
        awaitEvent(id, "EligibilityAssessed", Duration.ofSeconds(20));
        EligibilityTopic.publish(assessment);
        Thread.sleep(2000);

        assertThat(typesOf(id).stream().filter("EligibilityAssessed"::equals)).hasSize(1);
    }

    @Test
    void anAssessmentNamingAnotherOrganizationChangesNothing() throws InterruptedException {
        LocalDate validUntil = LocalDate.now().plusDays(20);
        String id = paroledCaseEndingOn(validUntil);

        EligibilityTopic.publish(EligibilityTopic.assessment(UUID.fromString(id), "org-b", EligibilityTopic.paroleEndingOn(validUntil)));
        Thread.sleep(2000);

        assertThat(typesOf(id)).doesNotContain("EligibilityAssessed");
    }

    @Test
    void ofSeveralAssessmentsOfACaseTheLastIsRecordedAndAnUnreadableMessageBetweenThemIsSkipped() throws InterruptedException {
        LocalDate validUntil = LocalDate.now().plusDays(200);
        String id = paroledCaseEndingOn(validUntil);
        String other = paroledCaseEndingOn(validUntil);
        UUID caseId = UUID.fromString(id);

        EligibilityTopic.publishRaw(List.of(Map.entry(id, "this is not an event")));
        EligibilityTopic.publishAll(List.of(
                EligibilityTopic.assessment(caseId, "org-a", EligibilityTopic.paroleEndingOn(validUntil.plusDays(1))),
                EligibilityTopic.assessment(UUID.fromString(other), "org-a", EligibilityTopic.paroleEndingOn(validUntil)),
                EligibilityTopic.assessment(caseId, "org-a", EligibilityTopic.paroleEndingOn(validUntil.plusDays(2))),
                EligibilityTopic.assessment(caseId, "org-a", EligibilityTopic.paroleEndingOn(validUntil.plusDays(3)))));

        awaitEvent(other, "EligibilityAssessed", Duration.ofSeconds(20));
        JsonNode last = awaitLast(id, "EligibilityAssessed", assessed -> assessed.get("payload").get("assessment")
                .get("deadlines").get(0).get("dueOn").asString().equals(validUntil.plusDays(3).toString()), Duration.ofSeconds(20));
        assertThat(last).isNotNull();
        // One to three of them, depending on how the polls fell; the last recorded is always the last published.
        assertThat(typesOf(id).stream().filter("EligibilityAssessed"::equals).count()).isBetween(1L, 3L);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> dueOn = List.of();
        while (System.nanoTime() < deadline && !dueOn.equals(List.of(validUntil.plusDays(3).toString()))) {
            Thread.sleep(200);
            dueOn = caseworker().get("/api/cases/" + id + "/deadlines").json().findValuesAsString("dueOn");
        }
        assertThat(dueOn).containsExactly(validUntil.plusDays(3).toString());
    }

    @Test
    void ofSeveralAssessmentsOfACaseInAPollOnlyTheLastOfEachCaseIsKept() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        var a1 = EligibilityTopic.assessment(first, "org-a", EligibilityTopic.paroleEndingOn(LocalDate.now().plusDays(1)));
        var b1 = EligibilityTopic.assessment(second, "org-a", EligibilityTopic.paroleEndingOn(LocalDate.now().plusDays(1)));
        var a2 = EligibilityTopic.assessment(first, "org-a", EligibilityTopic.paroleEndingOn(LocalDate.now().plusDays(2)));

        assertThat(EligibilityAssessmentListener.latestAssessmentOfEachCase(List.of(a1, b1, a2))).containsExactly(a2, b1);
    }

    private JsonNode awaitLast(String id, String type, java.util.function.Predicate<JsonNode> matching, Duration timeout)
            throws InterruptedException {
        return awaitLast(caseworker(), id, type, matching, timeout);
    }

    private JsonNode awaitLast(Api caseworker, String id, String type, java.util.function.Predicate<JsonNode> matching,
                               Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode lastOfType = null;
            for (JsonNode event : caseworker.get("/api/cases/" + id + "/history").json()) {
                if (event.get("type").asString().equals(type)) {
                    lastOfType = event;
                }
            }
            if (lastOfType != null && matching.test(lastOfType)) {
                return lastOfType;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the last " + type + " did not match within " + timeout + "; history: "
                + caseworker.get("/api/cases/" + id + "/history").json().findValuesAsString("type"));
    }

    private List<String> typesOf(String id) {
        return caseworker().get("/api/cases/" + id + "/history").json().valueStream().map(event -> event.get("type").asString()).toList();
    }

    private JsonNode awaitEvent(String id, String type, Duration timeout) throws InterruptedException {
        return awaitEvent(caseworker(), id, type, timeout);
    }

    private JsonNode awaitEvent(Api caseworker, String id, String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode event : caseworker.get("/api/cases/" + id + "/history").json()) {
                if (event.get("type").asString().equals(type)) {
                    return event;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(type + " not recorded within " + timeout + "; history: " + typesOf(id));
    }
}
