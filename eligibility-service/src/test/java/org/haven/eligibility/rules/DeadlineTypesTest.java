package org.haven.eligibility.rules;

import org.haven.eligibility.Histories;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.AdjustmentBasis;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EadCategory;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.ParoleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.eligibility.Histories.history;
import static org.haven.events.vocabulary.DeadlineType.ADJUSTMENT_ELIGIBLE;
import static org.haven.events.vocabulary.DeadlineType.ANNUAL_ASYLUM_FEE_DUE;
import static org.haven.events.vocabulary.DeadlineType.ASYLUM_ONE_YEAR;
import static org.haven.events.vocabulary.DeadlineType.EAD_C8_EARLIEST_FILING;
import static org.haven.events.vocabulary.DeadlineType.EAD_C8_EARLIEST_GRANT;
import static org.haven.events.vocabulary.DeadlineType.EAD_EXPIRY;
import static org.haven.events.vocabulary.DeadlineType.EAD_RENEWAL_WINDOW_OPENS;
import static org.haven.events.vocabulary.DeadlineType.PAROLE_EXPIRY;
import static org.haven.events.vocabulary.DeadlineType.RCA_RMA_ENDS;
import static org.haven.events.vocabulary.DeadlineType.REPAROLE_RECOMMENDED_BY;
import static org.haven.events.vocabulary.DeadlineType.REPAROLE_WINDOW_OPENS;
import static org.haven.events.vocabulary.DeadlineType.RFE_RESPONSE_DUE;
import static org.haven.events.vocabulary.DeadlineType.TPS_REGISTRATION_ENDS;
import static org.haven.events.vocabulary.DeadlineType.UNLAWFUL_PRESENCE_180;
import static org.haven.events.vocabulary.DeadlineType.UNLAWFUL_PRESENCE_365;

/** Exactly which deadline types a history has: each type where it belongs, and nowhere else. */
class DeadlineTypesTest {

    private static final UUID RFE = UUID.nameUUIDFromBytes("rfe-1".getBytes());

    static List<Arguments> histories() {
        return List.of(
                row("nothing recorded", history().nationalOf("SV"), "2026-11-28"),
                row("adult who entered without inspection and filed nothing",
                        history().entered("2025-01-04", EntryManner.WITHOUT_INSPECTION), "2026-11-28",
                        ASYLUM_ONE_YEAR, UNLAWFUL_PRESENCE_180, UNLAWFUL_PRESENCE_365),
                row("unaccompanied child who entered without inspection: exempt from the one-year deadline, accrues from 18",
                        history().bornOn("2012-03-01").unaccompaniedMinor().entered("2025-03-10", EntryManner.WITHOUT_INSPECTION),
                        "2026-11-28", UNLAWFUL_PRESENCE_180, UNLAWFUL_PRESENCE_365),
                row("parolee whose parole runs out",
                        history().paroleGranted("2025-11-01", "2026-10-31").entered("2025-11-03", EntryManner.PAROLED), "2026-01-15",
                        PAROLE_EXPIRY, REPAROLE_WINDOW_OPENS, REPAROLE_RECOMMENDED_BY, ASYLUM_ONE_YEAR,
                        UNLAWFUL_PRESENCE_180, UNLAWFUL_PRESENCE_365),
                row("parolee who asked for re-parole before the end",
                        history().paroleGranted("2025-11-01", "2026-10-31").entered("2025-11-03", EntryManner.PAROLED)
                                .paroleRequested("2026-07-01", ParoleKind.RE_PAROLE, null), "2026-08-15",
                        PAROLE_EXPIRY, ASYLUM_ONE_YEAR),
                row("parolee whose parole was terminated",
                        history().paroleGranted("2025-11-01", "2026-10-31").entered("2025-11-03", EntryManner.PAROLED)
                                .paroleTerminated("2026-03-01"), "2026-08-15",
                        ASYLUM_ONE_YEAR, UNLAWFUL_PRESENCE_180, UNLAWFUL_PRESENCE_365),
                row("asylum applicant who has not filed for a (c)(8) EAD",
                        history().entered("2025-12-01", EntryManner.WITHOUT_INSPECTION).asylumFiled("2026-01-10"), "2026-11-28",
                        EAD_C8_EARLIEST_FILING, EAD_C8_EARLIEST_GRANT, ANNUAL_ASYLUM_FEE_DUE),
                row("asylum applicant holding a (c)(8) card",
                        history().entered("2025-12-01", EntryManner.WITHOUT_INSPECTION).asylumFiled("2026-01-10")
                                .eadFiled(EadCategory.c8, "2026-06-10", false).eadApproved("2026-07-15", "2028-01-14"), "2026-11-28",
                        EAD_EXPIRY, EAD_RENEWAL_WINDOW_OPENS, ANNUAL_ASYLUM_FEE_DUE),
                row("asylum applicant who filed a renewal of the card",
                        history().entered("2025-12-01", EntryManner.WITHOUT_INSPECTION).asylumFiled("2026-01-10")
                                .eadFiled(EadCategory.c8, "2026-06-10", false).eadApproved("2026-07-15", "2027-01-14")
                                .eadFiled(EadCategory.c8, "2026-10-01", true), "2026-11-28",
                        EAD_EXPIRY, ANNUAL_ASYLUM_FEE_DUE),
                row("asylee",
                        history().entered("2024-05-01", EntryManner.WITHOUT_INSPECTION).asylumFiled("2024-06-01")
                                .asylumGranted("2025-03-01"), "2026-01-15",
                        ADJUSTMENT_ELIGIBLE, RCA_RMA_ENDS),
                row("refugee",
                        history().entered("2025-06-01", EntryManner.ADMITTED_REFUGEE).refugeeAdmitted("2025-06-01"), "2026-11-28",
                        ADJUSTMENT_ELIGIBLE, RCA_RMA_ENDS),
                row("refugee who filed for adjustment",
                        history().entered("2025-06-01", EntryManner.ADMITTED_REFUGEE).refugeeAdmitted("2025-06-01")
                                .adjustmentFiled("2026-06-02", AdjustmentBasis.REFUGEE), "2026-11-28",
                        RCA_RMA_ENDS),
                row("national of a country whose TPS registration window is open",
                        history().nationalOf("UA"), "2023-01-01", TPS_REGISTRATION_ENDS),
                row("national who applied for TPS",
                        history().nationalOf("UA").tpsApplied("UA", "2022-06-01"), "2023-01-01"),
                row("open RFE", history().nationalOf("SV").rfeReceived(RFE, "2026-10-01", "2026-12-30"), "2026-11-28",
                        RFE_RESPONSE_DUE),
                row("answered RFE", history().nationalOf("SV").rfeReceived(RFE, "2026-10-01", "2026-12-30")
                        .rfeAnswered(RFE, "2026-11-20"), "2026-11-28"));
    }

    private static Arguments row(String name, Histories history, String asOf, DeadlineType... expected) {
        return Arguments.of(name, history, asOf, expected.length == 0 ? EnumSet.noneOf(DeadlineType.class) : EnumSet.of(expected[0], expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void historyHasExactlyItsDeadlineTypes(String name, Histories history, String asOf, Set<DeadlineType> expected) {
        Assessment assessment = history.assessedAsOf(asOf);

        assertThat(assessment.deadlines().stream().map(Assessment.Deadline::type).collect(Collectors.toSet()))
                .as(name).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyDeadlineTypeIsExpectedByAtLeastOneHistory() {
        Set<DeadlineType> covered = EnumSet.noneOf(DeadlineType.class);
        histories().forEach(arguments -> {
            @SuppressWarnings("unchecked")
            Set<DeadlineType> expected = (Set<DeadlineType>) arguments.get()[3];
            covered.addAll(expected);
        });

        assertThat(covered).containsExactlyInAnyOrder(DeadlineType.values());
    }

    @Test
    void everyDeadlineCarriesTheRemindersOfRulesMd() {
        Assessment assessment = history().paroleGranted("2025-11-01", "2026-10-31").entered("2025-11-03", EntryManner.PAROLED)
                .asylumFiled("2026-01-10").eadFiled(EadCategory.c8, "2026-06-10", false).eadApproved("2026-07-15", "2028-01-14")
                .rfeReceived(RFE, "2026-10-01", "2026-12-30").assessedAsOf("2026-11-28");
        Assessment withArrivalOnly = history().entered("2025-01-04", EntryManner.WITHOUT_INSPECTION).assessedAsOf("2025-06-01");

        assertThat(Histories.deadline(assessment, PAROLE_EXPIRY).orElseThrow().remindDaysBefore()).containsExactly(90, 60, 30);
        assertThat(Histories.deadline(withArrivalOnly, ASYLUM_ONE_YEAR).orElseThrow().remindDaysBefore()).containsExactly(90, 30, 7);
        assertThat(Histories.deadline(assessment, EAD_EXPIRY).orElseThrow().remindDaysBefore()).containsExactly(180);
        assertThat(Histories.deadline(assessment, RFE_RESPONSE_DUE).orElseThrow().remindDaysBefore()).containsExactly(30, 14, 7);
        assertThat(assessment.deadlines()).filteredOn(deadline -> !EnumSet.of(PAROLE_EXPIRY, EAD_EXPIRY, RFE_RESPONSE_DUE).contains(deadline.type()))
                .allSatisfy(deadline -> assertThat(deadline.remindDaysBefore()).as(deadline.type().name()).isEmpty());
    }
}
