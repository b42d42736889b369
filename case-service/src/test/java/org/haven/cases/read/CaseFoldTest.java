package org.haven.cases.read;

import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.Client;
import org.haven.cases.domain.adjustment.AdjustmentFiled;
import org.haven.cases.domain.asylum.AsylumClockStopped;
import org.haven.cases.domain.asylum.AsylumFiled;
import org.haven.cases.domain.asylum.AsylumGranted;
import org.haven.cases.domain.deadlines.EligibilityAssessed;
import org.haven.cases.domain.deadlines.ParoleExpired;
import org.haven.cases.domain.ead.EadApproved;
import org.haven.cases.domain.ead.EadFiled;
import org.haven.cases.domain.intake.CaseAssigned;
import org.haven.cases.domain.intake.CaseClosed;
import org.haven.cases.domain.intake.CaseOpened;
import org.haven.cases.domain.intake.CaseReopened;
import org.haven.cases.domain.intake.NoteAdded;
import org.haven.cases.domain.parole.ParoleGranted;
import org.haven.cases.domain.parole.ParoleRequested;
import org.haven.cases.domain.parole.ParoleTerminated;
import org.haven.cases.domain.refugee.RefugeeAdmitted;
import org.haven.cases.domain.rfe.RfeAnswered;
import org.haven.cases.domain.rfe.RfeReceived;
import org.haven.cases.domain.tps.TpsApplied;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.AdjustmentBasis;
import org.haven.events.vocabulary.AsylumKind;
import org.haven.events.vocabulary.ClockStopReason;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EadCategory;
import org.haven.events.vocabulary.EligibilityResult;
import org.haven.events.vocabulary.Filing;
import org.haven.events.vocabulary.ParoleBasis;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.ParoleUrgency;
import org.haven.events.vocabulary.Pathway;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What each event does to the case view; plain Java, no Spring. */
class CaseFoldTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private final CaseId caseId = CaseId.newId();

    private CaseOpened opened() {
        return new CaseOpened(caseId, "org-a", "HVN-2026-000001", new Client("Olena", "Kovalenko", LocalDate.of(1990, 5, 1), "UA", "en"),
                LocalDate.of(2025, 1, 4), false);
    }

    private CaseView fold(CaseEvent... events) {
        List<CaseFold.FoldedEvent> folded = new ArrayList<>();
        for (int sequence = 0; sequence < events.length; sequence++) {
            folded.add(new CaseFold.FoldedEvent(events[sequence], sequence, T0.plusSeconds(sequence)));
        }
        return CaseFold.fold(folded);
    }

    private ParoleRequested paroleRequested(ParoleKind kind, String receipt) {
        return new ParoleRequested(caseId, LocalDate.of(2025, 9, 1), kind, ParoleBasis.URGENT_HUMANITARIAN, ParoleUrgency.URGENT,
                null, receipt);
    }

    @Test
    void anOpenedCaseIsOpenAtVersionZeroOnNoPathway() {
        CaseView view = fold(opened());

        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.version()).isZero();
        assertThat(view.openedAt()).isEqualTo(T0);
        assertThat(view.client().givenName()).isEqualTo("Olena");
        assertThat(view.pathways()).isEmpty();
        assertThat(view.eligibility()).isNull();
    }

    @Test
    void everyEventMovesTheVersionAndUpdateTimeEvenWhenItChangesNothingShown() {
        CaseView view = fold(opened(), new NoteAdded(caseId, UUID.randomUUID(), "called the client"));

        assertThat(view.version()).isEqualTo(1);
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void anEventAtOrBelowTheViewsVersionChangesNothing() {
        CaseView view = fold(opened(), new CaseAssigned(caseId, "maria"));

        CaseView again = CaseFold.apply(view, new CaseAssigned(caseId, "someone else"), 1, T0.plusSeconds(9));

        assertThat(again).isSameAs(view);
    }

    @Test
    void anEventOfACaseThatWasNeverOpenedYieldsNoView() {
        assertThat(CaseFold.apply(null, new CaseAssigned(caseId, "maria"), 1, T0)).isNull();
    }

    @Test
    void closingShowsTheClosureAndReopeningClearsIt() {
        CaseView closed = fold(opened(), new CaseClosed(caseId, "moved away", CaseClosed.Code.WITHDRAWN));
        CaseView reopened = fold(opened(), new CaseClosed(caseId, "moved away"), new CaseReopened(caseId, "back"));

        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.closure()).isEqualTo(new CaseView.Closure(T0.plusSeconds(1), CaseClosed.Code.WITHDRAWN, "moved away"));
        assertThat(reopened.status()).isEqualTo("OPEN");
        assertThat(reopened.closure()).isNull();
    }

    @Test
    void aGrantedParoleShowsItsValidityAndATerminationEndsIt() {
        CaseView granted = fold(opened(), paroleRequested(ParoleKind.INITIAL, null),
                new ParoleGranted(caseId, LocalDate.of(2025, 10, 1), LocalDate.of(2027, 9, 30), "U4U", null, null));
        CaseView terminated = CaseFold.apply(granted, new ParoleTerminated(caseId, LocalDate.of(2026, 3, 1)), 3, T0.plusSeconds(3));

        assertThat(granted.parole().status()).isEqualTo(CaseView.ParoleStatus.GRANTED);
        assertThat(granted.parole().requestPending()).isFalse();
        assertThat(granted.parole().validUntil()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(terminated.parole().status()).isEqualTo(CaseView.ParoleStatus.TERMINATED);
        assertThat(terminated.parole().terminatedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(terminated.parole().grantedOn()).isEqualTo(LocalDate.of(2025, 10, 1));
    }

    @Test
    void aPendingReParoleKeepsTheCurrentGrantsDates() {
        CaseView view = fold(opened(), paroleRequested(ParoleKind.INITIAL, null),
                new ParoleGranted(caseId, LocalDate.of(2025, 10, 1), LocalDate.of(2027, 9, 30), null, null, null),
                paroleRequested(ParoleKind.RE_PAROLE, null));

        assertThat(view.parole().status()).isEqualTo(CaseView.ParoleStatus.REQUESTED);
        assertThat(view.parole().kind()).isEqualTo(ParoleKind.RE_PAROLE);
        assertThat(view.parole().validUntil()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(view.pathways()).containsExactly(Pathway.PAROLE, Pathway.REPAROLE);
    }

    @Test
    void anExpiredParoleIsShownExpired() {
        CaseView view = fold(opened(), paroleRequested(ParoleKind.INITIAL, null),
                new ParoleGranted(caseId, LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 3), null, null, null),
                new ParoleExpired(caseId, DeadlineType.PAROLE_EXPIRY, LocalDate.of(2026, 1, 3), 0, "PAROLE-EXPIRY", "INA 212(d)(5)"));

        assertThat(view.parole().status()).isEqualTo(CaseView.ParoleStatus.EXPIRED);
    }

    @Test
    void aStoppedAsylumClockIsShownUntilTheDecisionAndAGrantOpensAsyleeAdjustment() {
        CaseView stopped = fold(opened(), new AsylumFiled(caseId, LocalDate.of(2025, 6, 1), AsylumKind.AFFIRMATIVE, null),
                new AsylumClockStopped(caseId, LocalDate.of(2025, 8, 1), ClockStopReason.APPLICANT_RESCHEDULED));
        CaseView granted = CaseFold.apply(stopped, new AsylumGranted(caseId, LocalDate.of(2026, 2, 1)), 3, T0.plusSeconds(3));

        assertThat(stopped.asylum().pending()).isTrue();
        assertThat(stopped.asylum().clockStopped()).isTrue();
        assertThat(stopped.asylum().clockStopReason()).isEqualTo(ClockStopReason.APPLICANT_RESCHEDULED);
        assertThat(granted.asylum().pending()).isFalse();
        assertThat(granted.asylum().clockStopped()).isFalse();
        assertThat(granted.asylum().decision()).isEqualTo(CaseView.Decision.GRANTED);
        assertThat(granted.pathways()).containsExactly(Pathway.ASYLUM, Pathway.ASYLEE_ADJUSTMENT);
    }

    @Test
    void anEadRenewalKeepsTheCurrentCardsDatesUntilDecided() {
        CaseView view = fold(opened(), new EadFiled(caseId, EadCategory.c11, LocalDate.of(2025, 1, 10), false, null),
                new EadApproved(caseId, LocalDate.of(2025, 3, 1), LocalDate.of(2027, 2, 28)),
                new EadFiled(caseId, EadCategory.c11, LocalDate.of(2026, 9, 1), true, null));

        assertThat(view.ead().status()).isEqualTo(CaseView.EadStatus.FILED);
        assertThat(view.ead().renewal()).isTrue();
        assertThat(view.ead().validUntil()).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void everyFilingsReceiptNumberIsListedOnceInTheOrderRecorded() {
        CaseView view = fold(opened(), paroleRequested(ParoleKind.INITIAL, "IOE0912345678"),
                new ParoleGranted(caseId, LocalDate.of(2025, 10, 1), LocalDate.of(2027, 9, 30), null, null, "IOE0912345678"),
                new EadFiled(caseId, EadCategory.c11, LocalDate.of(2025, 11, 1), false, "IOE0999999999"),
                new TpsApplied(caseId, "UA", LocalDate.of(2025, 12, 1), "EAC1234567890"));

        assertThat(view.receiptNumbers()).containsExactly("IOE0912345678", "IOE0999999999", "EAC1234567890");
        assertThat(CaseSummaryWriter.searchText(view)).contains("olena", "kovalenko", "hvn-2026-000001", "eac1234567890");
    }

    @Test
    void refugeeAdmissionAndAdjustmentBasesPutTheCaseOnTheirAdjustmentPathways() {
        CaseView refugee = fold(opened(), new RefugeeAdmitted(caseId, LocalDate.of(2024, 5, 1)));
        CaseView asylee = fold(opened(), new AdjustmentFiled(caseId, LocalDate.of(2026, 5, 1), AdjustmentBasis.ASYLEE, null));
        CaseView other = fold(opened(), new AdjustmentFiled(caseId, LocalDate.of(2026, 5, 1), AdjustmentBasis.OTHER, null));

        assertThat(refugee.pathways()).containsExactly(Pathway.REFUGEE_ADJUSTMENT);
        assertThat(refugee.refugeeAdmittedOn()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(asylee.pathways()).containsExactly(Pathway.ASYLEE_ADJUSTMENT);
        assertThat(other.pathways()).isEmpty();
        assertThat(other.adjustment().basis()).isEqualTo(AdjustmentBasis.OTHER);
    }

    @Test
    void anAnsweredRfeShowsItsAnswerDate() {
        UUID rfeId = UUID.randomUUID();
        CaseView view = fold(opened(), new RfeReceived(caseId, rfeId, Filing.EAD, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 3, 2)),
                new RfeAnswered(caseId, rfeId, LocalDate.of(2026, 2, 20)));

        assertThat(view.rfes()).containsExactly(
                new CaseView.Rfe(rfeId, Filing.EAD, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 2, 20)));
    }

    @Test
    void theLatestAssessmentReplacesTheEarlierOne() {
        Assessment first = assessment("rules-1", new Assessment.Deadline(DeadlineType.ASYLUM_ONE_YEAR, LocalDate.of(2026, 1, 5),
                "ASYLUM-ONE-YEAR", "INA 208(a)(2)(B)", List.of(30)));
        Assessment second = assessment("rules-2");

        CaseView view = fold(opened(), new EligibilityAssessed(caseId, UUID.randomUUID(), T0, first),
                new EligibilityAssessed(caseId, UUID.randomUUID(), T0.plusSeconds(60), second));

        assertThat(view.eligibility().ruleSetVersion()).isEqualTo("rules-2");
        assertThat(view.eligibility().deadlines()).isEmpty();
        assertThat(view.eligibility().pathways()).extracting(Assessment.PathwayResult::pathway).containsExactly(Pathway.ASYLUM);
    }

    static Assessment assessment(String ruleSetVersion, Assessment.Deadline... deadlines) {
        return new Assessment(LocalDate.of(2026, 1, 1), ruleSetVersion,
                List.of(new Assessment.PathwayResult(Pathway.ASYLUM, EligibilityResult.ELIGIBLE,
                        List.of(new Assessment.Reason("ASYLUM-ONE-YEAR", "INA 208(a)(2)(B)", "within a year of arrival")))),
                List.of(deadlines), List.of(new Assessment.Warning("EAD-C8-PREMATURE", "filed before day 150")));
    }
}
