package org.haven.eligibility.rules;

import org.haven.events.Assessment;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EligibilityResult;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.FeeExemption;
import org.haven.events.vocabulary.Pathway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.eligibility.Histories.date;
import static org.haven.eligibility.Histories.deadline;
import static org.haven.eligibility.Histories.deadlines;
import static org.haven.eligibility.Histories.history;
import static org.haven.eligibility.Histories.reminderDates;
import static org.haven.eligibility.Histories.result;
import static org.haven.eligibility.Histories.warningsOf;

/**
 * The worked examples of rules.md, one table each; the first row of every table is the example as rules.md writes
 * it, the rows after it are its neighbours.
 */
class WorkedExamplesTest {

    @ParameterizedTest(name = "last arrival {0}, adult: ASYLUM-ONE-YEAR due {1}")
    @CsvSource({
            "2025-01-04, 2026-01-05",   // rules.md: 2026-01-04 is a Sunday
            "2025-01-05, 2026-01-05",   // the anniversary itself, a Monday
            "2024-02-29, 2025-02-28",   // Feb 29 -> Feb 28, a Friday
            "2025-07-04, 2026-07-06",   // Saturday 2026-07-04 (observed Friday 2026-07-03) -> Monday
            "2024-11-11, 2025-11-12",   // Veterans Day 2025 falls on the anniversary, a Tuesday
            "2024-12-25, 2025-12-26",   // Christmas
            "1995-06-01, 1998-04-01",   // never counted from before 1997-04-01
    })
    void asylumOneYearDeadlineIsTheAnniversaryOfTheLastArrivalRolledToABusinessDay(String arrival, String due) {
        Assessment assessment = history().entered(arrival, EntryManner.WITHOUT_INSPECTION).assessedAsOf("2026-11-28");

        assertThat(deadlines(assessment, DeadlineType.ASYLUM_ONE_YEAR)).containsExactly(date(due));
        assertThat(deadline(assessment, DeadlineType.ASYLUM_ONE_YEAR).orElseThrow().ruleId()).isEqualTo("ASYLUM-ONE-YEAR");
    }

    @ParameterizedTest(name = "last arrival {0}, unaccompanied child: exempt")
    @CsvSource({"2025-03-10", "2020-01-15"})
    void unaccompaniedChildIsExemptFromTheOneYearDeadline(String arrival) {
        Assessment assessment = history().bornOn("2010-01-01").unaccompaniedMinor()
                .entered(arrival, EntryManner.WITHOUT_INSPECTION).assessedAsOf("2026-11-28");

        assertThat(deadlines(assessment, DeadlineType.ASYLUM_ONE_YEAR)).isEmpty();
        assertThat(result(assessment, Pathway.ASYLUM)).contains(EligibilityResult.ELIGIBLE);
    }

    @ParameterizedTest(name = "parole {0} to {1}: ParoleExpiring {2}, {3}, {4}; re-parole opens {5}, recommended by {6}")
    @CsvSource({
            "2025-11-01, 2026-10-31, 2026-08-02, 2026-09-01, 2026-10-01, 2026-05-04, 2026-08-02",
            "2024-03-01, 2025-02-28, 2024-11-30, 2024-12-30, 2025-01-29, 2024-09-01, 2024-11-30",
    })
    void paroleExpiryRemindsAndOpensTheReparoleWindow(String grantedOn, String validUntil, String reminder90, String reminder60,
                                                      String reminder30, String reparoleOpens, String reparoleRecommendedBy) {
        Assessment assessment = history().paroleGranted(grantedOn, validUntil).entered(grantedOn, EntryManner.PAROLED)
                .assessedAsOf(grantedOn);

        Assessment.Deadline expiry = deadline(assessment, DeadlineType.PAROLE_EXPIRY).orElseThrow();
        assertThat(expiry.dueOn()).isEqualTo(date(validUntil));
        assertThat(reminderDates(expiry)).containsExactly(date(reminder90), date(reminder60), date(reminder30));
        assertThat(deadlines(assessment, DeadlineType.REPAROLE_WINDOW_OPENS)).containsExactly(date(reparoleOpens));
        assertThat(deadlines(assessment, DeadlineType.REPAROLE_RECOMMENDED_BY)).containsExactly(date(reparoleRecommendedBy));
    }

    @ParameterizedTest(name = "parole granted {0}, exemption {1}: fee due {2}")
    @CsvSource(nullValues = "none", value = {
            "2025-10-20, none,              true",    // rules.md: $1,000 due unless an exemption is claimed
            "2025-10-10, none,              false",   // rules.md: granted before 2025-10-16, no fee
            "2025-10-16, none,              true",    // the first day
            "2025-10-15, none,              false",
            "2025-10-20, MEDICAL_EMERGENCY, false",   // a verified exemption claimed
    })
    void paroleFeeIsDueForGrantsFrom2025_10_16UnlessAnExemptionIsClaimed(String grantedOn, FeeExemption exemption, boolean feeDue) {
        Assessment assessment = history().paroleGranted(grantedOn, "2026-10-01", null, exemption).assessedAsOf("2025-11-01");

        assertThat(warningsOf(assessment, "PAROLE-FEE")).as("fee warnings")
                .satisfies(warnings -> assertThat(warnings.stream().anyMatch(warning -> warning.contains("$1,000"))).isEqualTo(feeDue));
    }

    @ParameterizedTest(name = "I-589 received {0}, clock stopped {1} to {2}: c8 filing from {3}, grant from {4}")
    @CsvSource(nullValues = "none", value = {
            "2026-01-10, none,       none,       2026-06-09, 2026-07-09",   // rules.md: day 150, day 180
            "2026-01-10, 2026-02-01, 2026-02-15, 2026-06-23, 2026-07-23",   // rules.md: 14 days excluded
            "2026-01-10, 2026-06-20, 2026-07-01, 2026-06-09, 2026-07-20",   // a stop after day 150 moves only day 180
    })
    void c8EadDatesCountTheAsylumClockWithoutItsStops(String receivedOn, String stoppedOn, String resumedOn,
                                                      String filingFrom, String grantFrom) {
        var history = history().entered("2025-12-01", EntryManner.WITHOUT_INSPECTION).asylumFiled(receivedOn);
        if (stoppedOn != null) {
            history.clockStopped(stoppedOn).clockResumed(resumedOn);
        }
        Assessment assessment = history.assessedAsOf("2026-11-28");

        assertThat(deadlines(assessment, DeadlineType.EAD_C8_EARLIEST_FILING)).containsExactly(date(filingFrom));
        assertThat(deadlines(assessment, DeadlineType.EAD_C8_EARLIEST_GRANT)).containsExactly(date(grantFrom));
    }

    @ParameterizedTest(name = "refugee admitted {0}: AdjustmentEligible {1}; RCA/RMA to {2}")
    @CsvSource({
            "2025-06-01, 2026-06-01, 2025-10-01",   // rules.md: 4 months
            "2024-06-01, 2025-06-01, 2025-06-01",   // before 2025-05-05: 12 months
            "2024-02-29, 2025-02-28, 2025-02-28",
    })
    void refugeeMayAdjustOneYearAfterAdmissionAndAssistanceLastsItsMonths(String admitted, String adjustment, String rcaRmaEnds) {
        Assessment assessment = history().entered(admitted, EntryManner.ADMITTED_REFUGEE).refugeeAdmitted(admitted)
                .assessedAsOf("2026-11-28");

        assertThat(deadlines(assessment, DeadlineType.ADJUSTMENT_ELIGIBLE)).containsExactly(date(adjustment));
        assertThat(deadlines(assessment, DeadlineType.RCA_RMA_ENDS)).containsExactly(date(rcaRmaEnds));
    }

    @ParameterizedTest(name = "parole ended {0}, nothing pending: unlawful presence from {1}, 180 days {2}, 365 days {3}")
    @CsvSource({
            "2026-01-31, 2026-02-01, 2026-07-30, 2027-01-31",   // rules.md
            "2024-02-28, 2024-02-29, 2024-08-26, 2025-02-27",   // through a leap day
    })
    void unlawfulPresenceAccruesFromTheDayAfterParoleEnds(String paroleEnds, String accruesFrom, String days180, String days365) {
        Assessment assessment = history().paroleGranted("2023-06-01", paroleEnds).entered("2023-06-01", EntryManner.PAROLED)
                .assessedAsOf("2026-11-28");

        assertThat(deadlines(assessment, DeadlineType.UNLAWFUL_PRESENCE_180)).containsExactly(date(days180));
        assertThat(deadlines(assessment, DeadlineType.UNLAWFUL_PRESENCE_365)).containsExactly(date(days365));
        assertThat(warningsOf(assessment, "UNLAWFUL-PRESENCE")).singleElement().asString().contains("accrues from " + accruesFrom);
    }
}
