package org.haven.cases.write;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.CaseNotFound;
import org.haven.cases.domain.CaseRuleViolation;
import org.haven.cases.domain.Client;
import org.haven.cases.domain.StaleVersion;
import org.haven.cases.domain.asylum.AsylumFiled;
import org.haven.cases.domain.asylum.AsylumGranted;
import org.haven.cases.domain.asylum.GrantAsylum;
import org.haven.cases.domain.asylum.StopAsylumClock;
import org.haven.cases.domain.ead.EadFiled;
import org.haven.cases.domain.ead.FileEad;
import org.haven.cases.domain.intake.CaseClosed;
import org.haven.cases.domain.intake.CaseOpened;
import org.haven.cases.domain.intake.CaseReopened;
import org.haven.cases.domain.intake.CloseCase;
import org.haven.cases.domain.intake.OpenCase;
import org.haven.cases.domain.intake.ReopenCase;
import org.haven.cases.domain.parole.GrantParole;
import org.haven.cases.domain.parole.ParoleGranted;
import org.haven.cases.domain.parole.ParoleRequested;
import org.haven.cases.domain.presence.EntryRecorded;
import org.haven.cases.domain.presence.RecordEntry;
import org.haven.cases.domain.rfe.AnswerRfe;
import org.haven.cases.domain.rfe.RecordRfe;
import org.haven.cases.domain.rfe.RfeReceived;
import org.haven.events.vocabulary.AsylumKind;
import org.haven.events.vocabulary.ClockStopReason;
import org.haven.events.vocabulary.EadCategory;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.Filing;
import org.haven.events.vocabulary.ParoleBasis;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.ParoleUrgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;


/** One behaviour per test: each command's event, and each invariant's refusal. */
class CaseTest {

    private static final LocalDate BORN = LocalDate.of(1990, 5, 1);
    private static final MetaData ORG_A = MetaData.from(Map.of(AxonConfiguration.ORGANIZATION, "org-a", AxonConfiguration.ACTOR, "user:t"));

    private final CaseId caseId = CaseId.newId();
    private final Client client = new Client("Olena", "Kovalenko", BORN, "UA", "en");
    private FixtureConfiguration<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
    }

    private CaseOpened opened() {
        return new CaseOpened(caseId, "org-a", "HVN-2026-000001", client, LocalDate.of(2025, 1, 4), false);
    }

    private ParoleRequested paroleRequested() {
        return new ParoleRequested(caseId, LocalDate.of(2025, 9, 1), ParoleKind.INITIAL, ParoleBasis.URGENT_HUMANITARIAN,
                ParoleUrgency.URGENT, null, null);
    }

    @Test
    void openingACaseRecordsCaseOpenedWithTheClientAndOrganization() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(caseId, "org-a", "HVN-2026-000001", client, LocalDate.of(2025, 1, 4), false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened());
    }

    @Test
    void anArrivalBeforeBirthIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(caseId, "org-a", "HVN-2026-000001", client, LocalDate.of(1989, 1, 1), false))
                .expectException(CaseRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void recordingAnEntryRecordsEntryRecorded() {
        fixture.given(opened())
                .when(new RecordEntry(caseId, LocalDate.of(2025, 1, 4), EntryManner.PAROLED), ORG_A)
                .expectEvents(new EntryRecorded(caseId, LocalDate.of(2025, 1, 4), EntryManner.PAROLED));
    }

    @Test
    void aFactDatedBeforeTheClientsBirthIsRefused() {
        fixture.given(opened())
                .when(new RecordEntry(caseId, LocalDate.of(1980, 1, 1), EntryManner.PAROLED), ORG_A)
                .expectException(CaseRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anotherOrganizationsCommandFindsNoCase() {
        fixture.given(opened())
                .when(new RecordEntry(caseId, LocalDate.of(2025, 1, 4), EntryManner.PAROLED),
                        MetaData.with(AxonConfiguration.ORGANIZATION, "org-b"))
                .expectException(CaseNotFound.class)
                .expectNoEvents();
    }

    @Test
    void aStaleIfMatchVersionIsRefused() {
        fixture.given(opened(), paroleRequested())
                .when(new RecordEntry(caseId, LocalDate.of(2025, 1, 4), EntryManner.PAROLED), ORG_A.and(Case.EXPECTED_VERSION, "0"))
                .expectException(StaleVersion.class)
                .expectNoEvents();
    }

    @Test
    void anIfMatchVersionAheadOfThisCopyIsAConflictToRetryOnTheStoredCase() {
        fixture.given(opened(), paroleRequested())
                .when(new RecordEntry(caseId, LocalDate.of(2025, 1, 4), EntryManner.PAROLED), ORG_A.and(Case.EXPECTED_VERSION, "2"))
                .expectException(OlderCopyOfCase.class)
                .expectNoEvents();
    }

    @Test
    void theCurrentIfMatchVersionIsAccepted() {
        fixture.given(opened(), paroleRequested())
                .when(new RecordEntry(caseId, LocalDate.of(2025, 1, 4), EntryManner.PAROLED), ORG_A.and(Case.EXPECTED_VERSION, "1"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aParoleGrantNeedsAParoleRequest() {
        fixture.given(opened())
                .when(new GrantParole(caseId, LocalDate.of(2025, 11, 1), LocalDate.of(2026, 10, 31), null, null, null), ORG_A)
                .expectException(CaseRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aParoleGrantAfterARequestRecordsParoleGranted() {
        fixture.given(opened(), paroleRequested())
                .when(new GrantParole(caseId, LocalDate.of(2025, 11, 1), LocalDate.of(2026, 10, 31), "U4U", null, "IOE0912345678"), ORG_A)
                .expectEvents(new ParoleGranted(caseId, LocalDate.of(2025, 11, 1), LocalDate.of(2026, 10, 31), "U4U", null, "IOE0912345678"));
    }

    @Test
    void aParoleValidUntilNotAfterItsGrantIsRefused() {
        fixture.given(opened(), paroleRequested())
                .when(new GrantParole(caseId, LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 1), null, null, null), ORG_A)
                .expectException(CaseRuleViolation.class);
    }

    @Test
    void anAsylumDecisionNeedsAPendingApplication() {
        fixture.given(opened())
                .when(new GrantAsylum(caseId, LocalDate.of(2026, 6, 1)), ORG_A)
                .expectException(CaseRuleViolation.class);
    }

    @Test
    void anAsylumGrantOnAPendingApplicationIsRecorded() {
        fixture.given(opened(), new AsylumFiled(caseId, LocalDate.of(2025, 6, 1), AsylumKind.AFFIRMATIVE, null))
                .when(new GrantAsylum(caseId, LocalDate.of(2026, 6, 1)), ORG_A)
                .expectEvents(new AsylumGranted(caseId, LocalDate.of(2026, 6, 1)));
    }

    @Test
    void theAsylumClockCannotStopAfterTheDecision() {
        fixture.given(opened(), new AsylumFiled(caseId, LocalDate.of(2025, 6, 1), AsylumKind.AFFIRMATIVE, null),
                        new AsylumGranted(caseId, LocalDate.of(2026, 6, 1)))
                .when(new StopAsylumClock(caseId, LocalDate.of(2026, 7, 1), ClockStopReason.APPLICANT_RESCHEDULED), ORG_A)
                .expectException(CaseRuleViolation.class);
    }

    @Test
    void aPrematureC8FilingIsRecordedNotRefused() {
        fixture.given(opened(), new AsylumFiled(caseId, LocalDate.of(2026, 1, 10), AsylumKind.AFFIRMATIVE, null))
                .when(new FileEad(caseId, EadCategory.c8, LocalDate.of(2026, 2, 1), false, null), ORG_A)
                .expectEvents(new EadFiled(caseId, EadCategory.c8, LocalDate.of(2026, 2, 1), false, null));
    }

    @Test
    void aClosedCaseRefusesEverythingButReopening() {
        fixture.given(opened(), new CaseClosed(caseId, "moved away"))
                .when(new RecordEntry(caseId, LocalDate.of(2025, 1, 4), EntryManner.PAROLED), ORG_A)
                .expectException(CaseRuleViolation.class);
    }

    @Test
    void aClosedCaseCanBeReopened() {
        fixture.given(opened(), new CaseClosed(caseId, "moved away"))
                .when(new ReopenCase(caseId, "came back"), ORG_A)
                .expectEvents(new CaseReopened(caseId, "came back"));
    }

    @Test
    void anOpenCaseCannotBeReopened() {
        fixture.given(opened())
                .when(new ReopenCase(caseId, "why"), ORG_A)
                .expectException(CaseRuleViolation.class);
    }

    @Test
    void closingACaseRecordsCaseClosed() {
        fixture.given(opened())
                .when(new CloseCase(caseId, "granted and done"), ORG_A)
                .expectEvents(new CaseClosed(caseId, "granted and done"));
    }

    @Test
    void anRfeAnswerNeedsItsRfe() {
        fixture.given(opened())
                .when(new AnswerRfe(caseId, UUID.randomUUID(), LocalDate.of(2026, 3, 1)), ORG_A)
                .expectException(CaseRuleViolation.class);
    }

    @Test
    void anRfeIsAnsweredOnce() {
        UUID rfeId = UUID.randomUUID();
        fixture.given(opened(), new RfeReceived(caseId, rfeId, Filing.ASYLUM, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 1)))
                .when(new AnswerRfe(caseId, rfeId, LocalDate.of(2026, 3, 1)), ORG_A)
                .expectEvents(new org.haven.cases.domain.rfe.RfeAnswered(caseId, rfeId, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void anRfeWhoseResponseDateIsBeforeItsReceiptIsRefused() {
        fixture.given(opened())
                .when(new RecordRfe(caseId, UUID.randomUUID(), Filing.EAD, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)), ORG_A)
                .expectException(CaseRuleViolation.class);
    }
}
