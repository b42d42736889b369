package org.haven.eligibility.rules;

import org.haven.events.Assessment;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EadCategory;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.FeeExemption;
import org.haven.events.vocabulary.Pathway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.eligibility.Histories.date;
import static org.haven.eligibility.Histories.deadline;
import static org.haven.eligibility.Histories.deadlines;
import static org.haven.eligibility.Histories.history;
import static org.haven.eligibility.Histories.reasonsOf;
import static org.haven.eligibility.Histories.result;
import static org.haven.eligibility.Histories.warningsOf;
import static org.haven.events.vocabulary.EligibilityResult.ELIGIBLE;
import static org.haven.events.vocabulary.EligibilityResult.NEEDS_REVIEW;
import static org.haven.events.vocabulary.EligibilityResult.NOT_ELIGIBLE;

/** One behaviour of one rule per test, beyond the worked examples. */
class RuleBehaviourTest {

    @ParameterizedTest(name = "as of {0}: (c)(8) filing from day {1}, answer {2}, citing {3}")
    @CsvSource({
            "2020-08-24, 150, NOT_ELIGIBLE, 8 CFR 208.7 (1995 text)",
            "2020-08-25, 365, NEEDS_REVIEW, 85 FR 38532",
            "2022-02-06, 365, NEEDS_REVIEW, 85 FR 38532",
            "2022-02-07, 150, ELIGIBLE,     AsylumWorks v. Mayorkas",
    })
    void c8WaitingPeriodIsTheOneInForceOnTheAsOfDate(String asOf, int filingDay, String answer, String citation) {
        Assessment assessment = history().asylumFiled("2020-06-01").assessedAsOf(asOf);

        Assessment.Deadline filing = deadline(assessment, DeadlineType.EAD_C8_EARLIEST_FILING).orElseThrow();
        assertThat(filing.dueOn()).isEqualTo(date("2020-06-01").plusDays(filingDay));
        assertThat(filing.citation()).contains(citation);
        assertThat(assessment.pathways()).filteredOn(p -> p.pathway() == Pathway.EAD).singleElement()
                .satisfies(p -> assertThat(p.result().name()).isEqualTo(answer));
    }

    @Test
    void c8FiledBeforeDay150IsRecordedAndFlaggedWithTheEarliestDate() {
        Assessment assessment = history().asylumFiled("2026-01-10").eadFiled(EadCategory.c8, "2026-05-01", false)
                .assessedAsOf("2026-05-02");

        assertThat(warningsOf(assessment, "EAD-C8-150")).singleElement().asString()
                .contains("premature").contains("2026-06-09");
    }

    @Test
    void c8ClockStoppedAndNotResumedHasNoEarliestDateYet() {
        Assessment assessment = history().asylumFiled("2026-01-10").clockStopped("2026-02-01").assessedAsOf("2026-05-01");

        assertThat(deadlines(assessment, DeadlineType.EAD_C8_EARLIEST_FILING)).isEmpty();
        assertThat(result(assessment, Pathway.EAD)).contains(NOT_ELIGIBLE);
    }

    @Test
    void unverifiedFeeExemptionIsAReview() {
        Assessment assessment = history().paroleGranted("2025-11-01", "2026-10-31", null, FeeExemption.CUBAN_HAITIAN_ENTRANT)
                .assessedAsOf("2025-12-01");

        assertThat(result(assessment, Pathway.PAROLE)).contains(NEEDS_REVIEW);
        assertThat(reasonsOf(assessment, Pathway.PAROLE, "PAROLE-FEE")).singleElement().asString().contains("unverified");
    }

    @Test
    void exemptionClaimedOnTheRequestCountsForTheGrant() {
        Assessment assessment = history().paroleRequested("2025-09-01", org.haven.events.vocabulary.ParoleKind.INITIAL, FeeExemption.FUNERAL)
                .paroleGranted("2025-11-01", "2026-01-31").assessedAsOf("2025-12-01");

        assertThat(warningsOf(assessment, "PAROLE-FEE")).isEmpty();
        assertThat(reasonsOf(assessment, Pathway.PAROLE, "PAROLE-FEE")).singleElement().asString().contains("FUNERAL");
    }

    @Test
    void paroleFeeForALaterFiscalYearSaysTheIndexedAmountIsUnknown() {
        Assessment assessment = history().paroleGranted("2026-10-05", "2027-10-04").assessedAsOf("2026-11-28");

        assertThat(warningsOf(assessment, "PAROLE-FEE")).singleElement().asString()
                .contains("$1,000").contains("FY2025 amount").contains("no published amount for FY2027");
    }

    @Test
    void chnvParoleEndsOn2025_04_24OnceTheTerminationIsInForce() {
        var chnv = history().paroleGranted("2024-06-01", "2026-06-01", "CHNV", null).entered("2024-06-02", EntryManner.PAROLED);

        assertThat(deadlines(chnv.assessedAsOf("2025-03-01"), DeadlineType.PAROLE_EXPIRY)).containsExactly(date("2026-06-01"));
        Assessment after = chnv.assessedAsOf("2025-05-01");
        assertThat(deadlines(after, DeadlineType.PAROLE_EXPIRY)).containsExactly(date("2025-04-24"));
        assertThat(deadlines(after, DeadlineType.REPAROLE_WINDOW_OPENS)).isEmpty();
        assertThat(result(after, Pathway.REPAROLE)).contains(NOT_ELIGIBLE);
        assertThat(result(after, Pathway.PAROLE)).contains(NOT_ELIGIBLE);
        assertThat(deadlines(after, DeadlineType.UNLAWFUL_PRESENCE_180)).containsExactly(date("2025-04-25").plusDays(179));
    }

    @Test
    void departureWithoutAdvanceParoleWhileAsylumIsPendingIsAnUrgentAbandonment() {
        Assessment assessment = history().entered("2025-01-04", EntryManner.WITHOUT_INSPECTION).asylumFiled("2025-06-01")
                .departed("2025-09-01", false).assessedAsOf("2025-09-02");

        assertThat(warningsOf(assessment, "ASYLUM-ABANDONMENT")).singleElement().asString().startsWith("URGENT");
        assertThat(result(assessment, Pathway.ASYLUM)).contains(NEEDS_REVIEW);
    }

    @Test
    void departureOnAdvanceParoleIsNoAbandonment() {
        Assessment assessment = history().entered("2025-01-04", EntryManner.WITHOUT_INSPECTION).asylumFiled("2025-06-01")
                .departed("2025-09-01", true).entered("2025-09-20", EntryManner.PAROLED).assessedAsOf("2025-10-01");

        assertThat(warningsOf(assessment, "ASYLUM-ABANDONMENT")).isEmpty();
        assertThat(result(assessment, Pathway.ASYLUM)).contains(ELIGIBLE);
    }

    @ParameterizedTest(name = "arrived {0}, filed {1}, as of {2}: {3}")
    @CsvSource(nullValues = "none", value = {
            "2025-01-04, 2026-01-05, 2026-02-01, ELIGIBLE",       // filed on the rolled-forward last day
            "2025-01-04, 2026-01-06, 2026-02-01, NEEDS_REVIEW",   // late: only an exception can save it
            "2025-01-04, none,       2026-01-05, ELIGIBLE",
            "2025-01-04, none,       2026-01-06, NOT_ELIGIBLE",   // passed, not filed
    })
    void asylumOneYearAnswers(String arrival, String filedOn, String asOf, String answer) {
        var history = history().entered(arrival, EntryManner.WITHOUT_INSPECTION);
        if (filedOn != null) {
            history.asylumFiled(filedOn);
        }
        assertThat(result(history.assessedAsOf(asOf), Pathway.ASYLUM).orElseThrow().name()).isEqualTo(answer);
    }

    @Test
    void eadIsEligibleWhenAnyCategoryAuthorizesWork() {
        // a pending (c)(8) that is not yet due, and asylee status: asylee status is enough
        Assessment assessment = history().asylumFiled("2024-01-10").asylumGranted("2024-09-01").assessedAsOf("2024-10-01");

        assertThat(result(assessment, Pathway.EAD)).contains(ELIGIBLE);
        assertThat(reasonsOf(assessment, Pathway.EAD, "EAD-A5")).hasSize(1);
    }

    @ParameterizedTest(name = "({0}) card {1} to {2} filed {3}: flagged {4}")
    @CsvSource({
            "c8,  2026-01-01, 2027-07-01, 2025-12-10, false",   // 18 months
            "c8,  2026-01-01, 2030-12-31, 2025-12-10, true",    // 5 years after 2025-12-05
            "c8,  2024-01-10, 2029-01-09, 2023-10-01, false",   // 5 years under the September 2023 policy
            "c8,  2024-01-10, 2030-01-09, 2023-10-01, true",
            "c11, 2025-09-01, 2026-08-31, 2025-08-01, false",   // 1 year, within the parole
            "c11, 2025-09-01, 2026-12-31, 2025-08-01, true",    // past the parole end 2026-10-31 and past 1 year
    })
    void cardsPastTheirMaximumValidityAreFlagged(EadCategory category, String validFrom, String validUntil, String filedOn, boolean flagged) {
        Assessment assessment = history().paroleGranted("2025-07-01", "2026-10-31").asylumFiled("2023-06-01")
                .eadFiled(category, filedOn, false).eadApproved(validFrom, validUntil).assessedAsOf("2026-11-28");

        assertThat(warningsOf(assessment, "EAD-MAX-VALIDITY")).hasSize(flagged ? 1 : 0);
    }

    @ParameterizedTest(name = "({0}) renewal filed {1}: {2}")
    @CsvSource({
            "c8,  2025-06-01, extends the card automatically by up to 540 days, to 2027-06-23",
            "c8,  2025-10-30, gets no automatic extension",
            "c19, 2025-11-15, NEEDS_REVIEW",
            "c11, 2025-06-01, is not a category with automatic extension",
            "c8,  2026-01-05, after the card expired",
    })
    void renewalsKeepAnAutomaticExtensionOnlyWhenFiledBefore2025_10_30(EadCategory category, String filedOn, String expected) {
        Assessment assessment = history().eadFiled(category, "2024-01-01", false).eadApproved("2024-01-01", "2026-01-01")
                .eadFiled(category, filedOn, true).assessedAsOf("2026-11-28");

        assertThat(warningsOf(assessment, "EAD-AUTO-EXTENSION")).singleElement().asString().contains(expected);
        assertThat(deadlines(assessment, DeadlineType.EAD_EXPIRY)).containsExactly(date("2026-01-01"));
    }

    @Test
    void annualAsylumFeeIsShownWithTheCourtStayAsAReviewNote() {
        var pending = history().asylumFiled("2024-11-15");

        assertThat(deadlines(pending.assessedAsOf("2025-09-01"), DeadlineType.ANNUAL_ASYLUM_FEE_DUE)).containsExactly(date("2025-11-15"));
        assertThat(warningsOf(pending.assessedAsOf("2025-09-01"), "ANNUAL-ASYLUM-FEE")).singleElement().asString()
                .doesNotContain("NEEDS_REVIEW");
        Assessment stayed = pending.assessedAsOf("2026-11-28");
        assertThat(deadlines(stayed, DeadlineType.ANNUAL_ASYLUM_FEE_DUE)).containsExactly(date("2027-11-15"));
        assertThat(warningsOf(stayed, "ANNUAL-ASYLUM-FEE")).singleElement().asString()
                .startsWith("NEEDS_REVIEW").contains("SAG-25-03299");
    }

    @Test
    void applicationsFiledBefore2024_10_01OweNoAnnualFee() {
        assertThat(deadlines(history().asylumFiled("2024-09-30").assessedAsOf("2026-11-28"), DeadlineType.ANNUAL_ASYLUM_FEE_DUE)).isEmpty();
    }

    @Test
    void unlawfulPresenceDoesNotAccrueUnder18() {
        Assessment assessment = history().bornOn("2008-03-15").entered("2020-01-01", EntryManner.WITHOUT_INSPECTION)
                .assessedAsOf("2026-11-28");

        assertThat(deadlines(assessment, DeadlineType.UNLAWFUL_PRESENCE_180)).containsExactly(date("2026-03-15").plusDays(179));
    }

    @Test
    void daysBetweenAnArrivalOfUnknownMannerAndALaterParoleAreNotCountedButFlaggedForReview() {
        Assessment assessment = history().openedWithArrival("2025-01-04").paroleGranted("2025-12-18", "2026-12-18")
                .assessedAsOf("2026-11-28");

        assertThat(deadlines(assessment, DeadlineType.UNLAWFUL_PRESENCE_180)).containsExactly(date("2026-12-19").plusDays(179));
        assertThat(warningsOf(assessment, "UNLAWFUL-PRESENCE")).anySatisfy(warning ->
                assertThat(warning).asString().startsWith("NEEDS_REVIEW").contains("2025-01-04").contains("2025-12-18"));
    }

    @Test
    void unlawfulPresenceDoesNotAccrueBefore1997_04_01() {
        Assessment assessment = history().bornOn("1970-01-01").entered("1995-01-01", EntryManner.WITHOUT_INSPECTION)
                .assessedAsOf("1998-01-01");

        assertThat(deadlines(assessment, DeadlineType.UNLAWFUL_PRESENCE_180)).containsExactly(date("1997-04-01").plusDays(179));
    }

    @Test
    void unlawfulPresenceStopsWhileAsylumIsPending() {
        // 100 days accrue (2026-02-01..2026-05-11), then the pending I-589 stops the count for good
        Assessment assessment = history().paroleGranted("2025-02-01", "2026-01-31").entered("2025-02-01", EntryManner.PAROLED)
                .asylumFiled("2026-05-12").assessedAsOf("2026-11-28");

        assertThat(deadlines(assessment, DeadlineType.UNLAWFUL_PRESENCE_180)).isEmpty();
        assertThat(warningsOf(assessment, "UNLAWFUL-PRESENCE")).singleElement().asString().contains("accrues from 2026-02-01");
    }

    @ParameterizedTest(name = "left on {0} (advance parole {1}): {2}")
    @CsvSource(nullValues = "none", value = {
            "2026-08-01, false, 3-year bar",
            "2027-03-01, false, 10-year bar",
            "2026-06-01, false, none",
            "2027-03-01, true,  none",
    })
    void departureAfterTheThresholdsTriggersTheBars(String leftOn, boolean advanceParole, String bar) {
        Assessment assessment = history().paroleGranted("2025-02-01", "2026-01-31").entered("2025-02-01", EntryManner.PAROLED)
                .departed(leftOn, advanceParole).assessedAsOf("2027-06-01");

        if (bar == null) {
            assertThat(warningsOf(assessment, "UNLAWFUL-PRESENCE")).noneMatch(warning -> warning.contains("bar ("));
        } else {
            assertThat(warningsOf(assessment, "UNLAWFUL-PRESENCE")).anyMatch(warning -> warning.startsWith("URGENT") && warning.contains(bar));
        }
    }

    @Test
    void anRfePastItsDateAndUnansweredIsUrgent() {
        UUID rfe = UUID.randomUUID();
        Assessment assessment = history().rfeReceived(rfe, "2026-09-01", "2026-11-01").assessedAsOf("2026-11-28");

        assertThat(deadlines(assessment, DeadlineType.RFE_RESPONSE_DUE)).containsExactly(date("2026-11-01"));
        assertThat(warningsOf(assessment, "RFE-RESPONSE")).singleElement().asString().startsWith("URGENT");
    }

    @Test
    void tpsWindowOpenForAVerifiedDesignationIsEligibleAndAnUnverifiedOneIsAReview() {
        assertThat(result(history().nationalOf("UA").assessedAsOf("2023-01-01"), Pathway.TPS)).contains(ELIGIBLE);
        // the 2023 redesignation's window is marked unverified in the production file
        assertThat(result(history().nationalOf("UA").assessedAsOf("2024-06-01"), Pathway.TPS)).contains(NEEDS_REVIEW);
        // closed, but the last window in the data is the unverified one: still a review
        assertThat(result(history().nationalOf("UA").assessedAsOf("2026-11-28"), Pathway.TPS)).contains(NEEDS_REVIEW);
        assertThat(result(history().nationalOf("SV").assessedAsOf("2026-11-28"), Pathway.TPS)).isEmpty();
    }

    @Test
    void everyAnswerNamesTheRuleSetVersionAndEveryFindingItsRuleAndCitation() {
        Assessment assessment = history().paroleGranted("2025-11-01", "2026-10-31").entered("2025-11-03", EntryManner.PAROLED)
                .asylumFiled("2026-01-10").assessedAsOf("2026-11-28");

        assertThat(assessment.ruleSetVersion()).matches("2026\\.11\\.1\\+tps\\..+");
        assertThat(assessment.pathways()).isNotEmpty().allSatisfy(pathway -> assertThat(pathway.reasons())
                .allSatisfy(reason -> assertThat(reason.citation()).isNotBlank()));
        assertThat(assessment.deadlines()).isNotEmpty().allSatisfy(deadline -> assertThat(deadline.citation()).isNotBlank());
    }
}
