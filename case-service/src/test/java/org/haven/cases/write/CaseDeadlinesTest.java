package org.haven.cases.write;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.Client;
import org.haven.cases.domain.deadlines.ApplyOrganizationReminderDays;
import org.haven.cases.domain.deadlines.DeadlineCalendar;
import org.haven.cases.domain.deadlines.EligibilityAssessed;
import org.haven.cases.domain.deadlines.FiringCancellation;
import org.haven.cases.domain.deadlines.OrganizationReminderDays;
import org.haven.cases.domain.deadlines.ParoleExpiring;
import org.haven.cases.domain.deadlines.RecordEligibilityAssessment;
import org.haven.cases.domain.deadlines.ScheduledDeadline;
import org.haven.cases.domain.intake.CaseClosed;
import org.haven.cases.domain.intake.CaseOpened;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.DeadlineType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines with the fixture's time control: scheduled from an assessment, fired when time passes. */
class CaseDeadlinesTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final MetaData ORG_A = MetaData.from(Map.of(AxonConfiguration.ORGANIZATION, "org-a"));

    private final CaseId caseId = CaseId.newId();
    private AggregateTestFixture<Case> fixture;
    private LocalDate today;
    private final List<String> cancelled = new ArrayList<>();
    private final Map<String, Map<DeadlineType, List<Integer>>> reminderDaysOfOrganization = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(new DeadlineCalendar(ZONE, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZONE;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return fixture.currentTime();
            }
        }));
        fixture.registerInjectableResource((FiringCancellation) (deadlines, name, scheduleId) -> cancelled.add(scheduleId));
        fixture.registerInjectableResource((OrganizationReminderDays) organization ->
                reminderDaysOfOrganization.getOrDefault(organization, Map.of()));
        today = LocalDate.ofInstant(fixture.currentTime(), ZONE);
    }

    private CaseOpened opened() {
        return new CaseOpened(caseId, "org-a", "HVN-2026-000001",
                new Client("Olena", "Kovalenko", LocalDate.of(1990, 5, 1), "UA", "en"), null, false);
    }

    private Assessment paroleEndingIn(int days) {
        return new Assessment(today, "test", List.of(),
                List.of(new Assessment.Deadline(DeadlineType.PAROLE_EXPIRY, today.plusDays(days), "PAROLE-EXPIRING",
                        "INA 212(d)(5)(A); 8 CFR 212.5", List.of(90, 60, 30))),
                List.of());
    }

    @Test
    void anAssessmentIsRecordedAndItsDeadlinesScheduled() {
        UUID assessmentId = UUID.randomUUID();
        Instant assessedAt = fixture.currentTime();
        Assessment assessment = paroleEndingIn(100);

        fixture.given(opened())
                .when(new RecordEligibilityAssessment(caseId, assessmentId, assessedAt, assessment), ORG_A)
                .expectEvents(new EligibilityAssessed(caseId, assessmentId, assessedAt, assessment))
                .expectScheduledDeadlineWithName(Duration.between(fixture.currentTime(), today.plusDays(10).atStartOfDay(ZONE).toInstant()), Case.DEADLINE);
    }

    @Test
    void paroleGrantedWithFewerThan90DaysLeftIsExpiringAtOnce() {
        Instant assessedAt = fixture.currentTime();
        fixture.given(opened())
                .andGivenCommands(GenericCommandMessage.asCommandMessage(
                        new RecordEligibilityAssessment(caseId, UUID.randomUUID(), assessedAt, paroleEndingIn(20))).andMetaData(ORG_A))
                .whenThenTimeElapses(Duration.ofSeconds(1))
                .expectDeadlinesMet(new ScheduledDeadline(DeadlineType.PAROLE_EXPIRY, today.plusDays(20), 30,
                        "PAROLE-EXPIRING", "INA 212(d)(5)(A); 8 CFR 212.5", assessedAt))
                .expectEvents(new ParoleExpiring(caseId, DeadlineType.PAROLE_EXPIRY, today.plusDays(20), 30,
                        "PAROLE-EXPIRING", "INA 212(d)(5)(A); 8 CFR 212.5"));
    }

    @Test
    void theOrganizationsOwnReminderDaysReplaceTheRulesDaysAndTheRecordedAssessmentShowsThem() {
        reminderDaysOfOrganization.put("org-a", Map.of(DeadlineType.PAROLE_EXPIRY, List.of(14, 45)));
        Instant assessedAt = fixture.currentTime();
        UUID assessmentId = UUID.randomUUID();
        Assessment applied = new Assessment(today, "test", List.of(),
                List.of(new Assessment.Deadline(DeadlineType.PAROLE_EXPIRY, today.plusDays(20), "PAROLE-EXPIRING",
                        "INA 212(d)(5)(A); 8 CFR 212.5", List.of(45, 14))),
                List.of());

        // Parole ends in 20 days: of the organization's days, 45 has passed (fires at once) and 14 lies ahead.
        fixture.given(opened())
                .when(new RecordEligibilityAssessment(caseId, assessmentId, assessedAt, paroleEndingIn(20)), ORG_A)
                .expectEvents(new EligibilityAssessed(caseId, assessmentId, assessedAt, applied))
                .expectScheduledDeadline(Duration.between(fixture.currentTime(), today.plusDays(6).atStartOfDay(ZONE).toInstant()),
                        new ScheduledDeadline(DeadlineType.PAROLE_EXPIRY, today.plusDays(20), 14, "PAROLE-EXPIRING",
                                "INA 212(d)(5)(A); 8 CFR 212.5", today.plusDays(6).atStartOfDay(ZONE).toInstant()));
    }

    @Test
    void whenTheOrganizationsDaysChangeTheLatestAssessmentIsRecordedAgainWithThemAndItsFiringsReplanned() {
        UUID assessmentId = UUID.randomUUID();
        Instant assessedAt = fixture.currentTime().minusSeconds(60);
        String day10 = "PAROLE_EXPIRY/" + today.plusDays(100) + "/90";
        String day40 = "PAROLE_EXPIRY/" + today.plusDays(100) + "/60";
        String day70 = "PAROLE_EXPIRY/" + today.plusDays(100) + "/30";
        String dueDay = "PAROLE_EXPIRY/" + today.plusDays(100) + "/0";
        EventMessage<?> recorded = GenericEventMessage.asEventMessage(new EligibilityAssessed(caseId, assessmentId, assessedAt, paroleEndingIn(100)))
                .andMetaData(Map.of(Case.SCHEDULED_FIRINGS, Map.of(day10, "id-10", day40, "id-40", day70, "id-70", dueDay, "id-due")));
        reminderDaysOfOrganization.put("org-a", Map.of(DeadlineType.PAROLE_EXPIRY, List.of(14)));
        Assessment applied = new Assessment(today, "test", List.of(),
                List.of(new Assessment.Deadline(DeadlineType.PAROLE_EXPIRY, today.plusDays(100), "PAROLE-EXPIRING",
                        "INA 212(d)(5)(A); 8 CFR 212.5", List.of(14))),
                List.of());

        fixture.given(opened(), recorded)
                .when(new ApplyOrganizationReminderDays(caseId), ORG_A)
                .expectEvents(new EligibilityAssessed(caseId, assessmentId, assessedAt, applied))
                .expectScheduledDeadline(Duration.between(fixture.currentTime(), today.plusDays(86).atStartOfDay(ZONE).toInstant()),
                        new ScheduledDeadline(DeadlineType.PAROLE_EXPIRY, today.plusDays(100), 14, "PAROLE-EXPIRING",
                                "INA 212(d)(5)(A); 8 CFR 212.5", today.plusDays(86).atStartOfDay(ZONE).toInstant()));
        assertThat(cancelled).containsExactlyInAnyOrder("id-10", "id-40", "id-70");
    }

    @Test
    void theOrganizationsDaysAppliedAgainChangeNothingAndTheRulesDaysComeBackWhenItDropsThem() {
        UUID assessmentId = UUID.randomUUID();
        Instant assessedAt = fixture.currentTime().minusSeconds(60);
        Assessment applied = new Assessment(today, "test", List.of(),
                List.of(new Assessment.Deadline(DeadlineType.PAROLE_EXPIRY, today.plusDays(100), "PAROLE-EXPIRING",
                        "INA 212(d)(5)(A); 8 CFR 212.5", List.of(14))),
                List.of());
        EventMessage<?> recordedWithTheirDays = GenericEventMessage.asEventMessage(new EligibilityAssessed(caseId, assessmentId, assessedAt, applied))
                .andMetaData(Map.of(Case.SCHEDULED_FIRINGS, Map.of(), Case.RULES_REMINDER_DAYS, Map.of("PAROLE_EXPIRY", List.of(90, 60, 30))));

        reminderDaysOfOrganization.put("org-a", Map.of(DeadlineType.PAROLE_EXPIRY, List.of(14)));
        fixture.given(opened(), recordedWithTheirDays)
                .when(new ApplyOrganizationReminderDays(caseId), ORG_A)
                .expectNoEvents();

        reminderDaysOfOrganization.clear();
        fixture.given(opened(), recordedWithTheirDays)
                .when(new ApplyOrganizationReminderDays(caseId), ORG_A)
                .expectEvents(new EligibilityAssessed(caseId, assessmentId, assessedAt, paroleEndingIn(100)));
    }

    /** Axon snapshots a long case as JSON of its fields (AxonConfiguration's mapper); the assessment must survive it. */
    @Test
    void aSnapshotOfACaseKeepsThePublishedAssessmentToReplanFrom() {
        reminderDaysOfOrganization.put("org-a", Map.of(DeadlineType.PAROLE_EXPIRY, List.of(14)));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        fixture.given(opened())
                .when(new RecordEligibilityAssessment(caseId, UUID.randomUUID(), fixture.currentTime(), paroleEndingIn(100)), ORG_A)
                .expectState(kase -> {
                    try {
                        String snapshot = mapper.writeValueAsString(kase);
                        assertThat(snapshot).contains("\"publishedAssessment\"", "[90,60,30]", "/14\"");
                        // Sets and maps of the state have no fixed order (Set.of's differs from run to run): compare fields.
                        var before = mapper.readTree(snapshot);
                        var after = mapper.readTree(mapper.writeValueAsString(mapper.readValue(snapshot, Case.class)));
                        assertThat(after.get("publishedAssessment")).isEqualTo(before.get("publishedAssessment"));
                        assertThat(after.get("currentDeadlineKeys")).containsExactlyInAnyOrderElementsOf(before.get("currentDeadlineKeys"));
                        assertThat(after.get("scheduledFirings")).isEqualTo(before.get("scheduledFirings"));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void aRedeliveredAssessmentChangesNothing() {
        UUID assessmentId = UUID.randomUUID();
        Instant assessedAt = fixture.currentTime();
        Assessment assessment = paroleEndingIn(100);

        fixture.given(opened(), new EligibilityAssessed(caseId, assessmentId, assessedAt, assessment))
                .when(new RecordEligibilityAssessment(caseId, assessmentId, assessedAt, assessment), ORG_A)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aClosedCaseRecordsTheAssessmentButSchedulesNothing() {
        fixture.given(opened(), new CaseClosed(caseId, "done"))
                .when(new RecordEligibilityAssessment(caseId, UUID.randomUUID(), fixture.currentTime(), paroleEndingIn(20)), ORG_A)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aChangedAssessmentKeepsTheFiringsItStillDefinesAndCancelsTheOthersByTheirIds() {
        // paroleEndingIn(100): reminders 90, 60 and 30 days before (days 10, 40, 70) and the day after it ends.
        String day40 = "PAROLE_EXPIRY/" + today.plusDays(100) + "/60";
        String day70 = "PAROLE_EXPIRY/" + today.plusDays(100) + "/30";
        String dueDay = "PAROLE_EXPIRY/" + today.plusDays(100) + "/0";
        String day10 = "PAROLE_EXPIRY/" + today.plusDays(100) + "/90";
        EventMessage<?> earlier = GenericEventMessage.asEventMessage(
                        new EligibilityAssessed(caseId, UUID.randomUUID(), fixture.currentTime().minusSeconds(60), paroleEndingIn(100)))
                .andMetaData(Map.of(Case.SCHEDULED_FIRINGS, Map.of(day10, "id-10", day40, "id-40", day70, "id-70", dueDay, "id-due")));
        // The same parole, now with reminders 60 and 30 days before only: the 90-day reminder is no longer defined.
        Assessment changed = new Assessment(today, "test", List.of(),
                List.of(new Assessment.Deadline(DeadlineType.PAROLE_EXPIRY, today.plusDays(100), "PAROLE-EXPIRING",
                        "INA 212(d)(5)(A); 8 CFR 212.5", List.of(60, 30))),
                List.of());

        fixture.given(List.of(opened(), earlier))
                .when(new RecordEligibilityAssessment(caseId, UUID.randomUUID(), fixture.currentTime(), changed), ORG_A)
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.predicate((EventMessage<?> event) ->
                        Map.of(day40, "id-40", day70, "id-70", dueDay, "id-due").equals(event.getMetaData().get(Case.SCHEDULED_FIRINGS)))))
                .expectNoScheduledDeadlines();
        org.assertj.core.api.Assertions.assertThat(cancelled).containsExactly("id-10");
    }

    @Test
    void aFiringThatAlreadyFiredIsNeitherCancelledNorScheduledAgain() {
        String day10 = "PAROLE_EXPIRY/" + today.minusDays(5).plusDays(100) + "/90";
        EventMessage<?> earlier = GenericEventMessage.asEventMessage(
                        new EligibilityAssessed(caseId, UUID.randomUUID(), fixture.currentTime().minusSeconds(60), paroleEndingIn(95)))
                .andMetaData(Map.of(Case.SCHEDULED_FIRINGS, Map.of(day10, "id-10")));
        ParoleExpiring fired = new ParoleExpiring(caseId, DeadlineType.PAROLE_EXPIRY, today.plusDays(95), 90,
                "PAROLE-EXPIRING", "INA 212(d)(5)(A); 8 CFR 212.5");

        fixture.given(List.of(opened(), earlier, fired))
                .when(new RecordEligibilityAssessment(caseId, UUID.randomUUID(), fixture.currentTime(), paroleEndingIn(20)), ORG_A)
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.predicate((EventMessage<?> event) -> {
                    Object firings = event.getMetaData().get(Case.SCHEDULED_FIRINGS);
                    return firings instanceof Map<?, ?> map && map.size() == 2 && !map.containsValue("id-10");
                })));
        org.assertj.core.api.Assertions.assertThat(cancelled).isEmpty();
    }
}
