package org.haven.eligibility.rules;

import org.haven.eligibility.Histories;
import org.haven.eligibility.Samples;
import org.haven.eligibility.catalogue.RuleSet;
import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.rules.asylum.AsylumApplication;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EadCategory;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.FeeExemption;
import org.haven.events.vocabulary.ParoleKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.eligibility.Histories.deadlines;
import static org.haven.eligibility.Histories.history;

/** Properties of the rules over generated histories (fixed seeds, so a failing sample repeats). */
class RulePropertiesTest {

    private static final Map<String, Rule> RULES = Histories.ASSESSOR.ruleSet().rules().stream()
            .collect(Collectors.toMap(Rule::id, Function.identity()));

    static Stream<Arguments> clockStops() {
        Random random = Samples.random("clockStops");
        return Samples.dates("clockStops", 200, "2022-02-07", "2090-01-01").map(filedOn -> Arguments.of(filedOn,
                Samples.between(random, 0, 400), Samples.between(random, 0, 120), Samples.between(random, 0, 1)));
    }

    @ParameterizedTest
    @MethodSource("clockStops")
    void addingAClockStopNeverMovesTheC8DateEarlier(LocalDate filedOn, int stopAfterDays, int stoppedForDays, int earlierStops) {
        Histories without = history().asylumFiled(filedOn.toString());
        Histories with = history().asylumFiled(filedOn.toString());
        if (earlierStops == 1) {
            // an existing stop the new one is added after
            Stream.of(without, with).forEach(h -> h.clockStopped(filedOn.plusDays(1).toString()).clockResumed(filedOn.plusDays(3).toString()));
        }
        LocalDate stop = filedOn.plusDays(3 + stopAfterDays);
        with.clockStopped(stop.toString()).clockResumed(stop.plusDays(stoppedForDays).toString());

        for (int day : new int[]{150, 180, 365}) {
            LocalDate before = AsylumApplication.latest(without.build()).orElseThrow().clockReachesDay(day).orElseThrow();
            LocalDate after = AsylumApplication.latest(with.build()).orElseThrow().clockReachesDay(day).orElseThrow();
            assertThat(after).as("day %d", day).isAfterOrEqualTo(before);
            assertThat(after).as("day %d moves by at most the stop", day).isBeforeOrEqualTo(before.plusDays(stoppedForDays));
        }
    }

    /** A history that touches nearly every rule, so that many rules would answer if they were not filtered by date. */
    private static CaseHistory everything() {
        UUID rfe = UUID.nameUUIDFromBytes("rfe".getBytes());
        return history().openedWithArrival("1996-05-01")
                .paroleRequested("2025-02-01", ParoleKind.INITIAL, FeeExemption.CUBAN_HAITIAN_ENTRANT)
                .paroleGranted("2025-11-01", "2026-10-31", "CHNV", null)
                .entered("2025-11-03", EntryManner.PAROLED)
                .asylumFiled("2025-11-20").clockStopped("2025-12-01").clockResumed("2025-12-10")
                .eadFiled(EadCategory.c8, "2026-01-05", false).eadApproved("2026-05-01", "2028-05-01")
                .eadFiled(EadCategory.c8, "2027-12-01", true)
                .tpsApplied("UA", "2023-09-01")
                .rfeReceived(rfe, "2026-02-01", "2026-03-01")
                .refugeeAdmitted("2026-03-01")
                .build();
    }

    static Stream<LocalDate> assessmentDates() {
        return Samples.dates("assessmentDates", 150, "1997-01-01", "2100-12-31");
    }

    @ParameterizedTest
    @MethodSource("assessmentDates")
    void anAssessmentAsOfADateIgnoresRulesThatAreNotInForceThen(LocalDate asOf) {
        Assessment assessment = Histories.ASSESSOR.assess(everything(), asOf);

        Stream.of(
                        assessment.pathways().stream().flatMap(pathway -> pathway.reasons().stream()).map(Assessment.Reason::ruleId),
                        assessment.deadlines().stream().map(Assessment.Deadline::ruleId),
                        assessment.warnings().stream().map(Assessment.Warning::ruleId))
                .flatMap(Function.identity())
                .forEach(ruleId -> assertThat(RULES.get(ruleId).descriptor().inForce().contains(asOf))
                        .as("%s answered as of %s", ruleId, asOf).isTrue());
        assertThat(assessment.asOf()).isEqualTo(asOf);
        assertThat(assessment.ruleSetVersion()).startsWith(RuleSet.RULES_VERSION);
    }

    static Stream<Arguments> asylumFilings() {
        Random random = Samples.random("asylumFilings");
        return Samples.dates("asylumFilings", 100, "2000-01-01", "2090-01-01")
                .map(paroleEnds -> Arguments.of(paroleEnds, Samples.between(random, -200, 500)));
    }

    @ParameterizedTest
    @MethodSource("asylumFilings")
    void aPendingAsylumApplicationNeverMakesUnlawfulPresenceThresholdsComeSooner(LocalDate paroleEnds, int filedAfterEnd) {
        Histories paroled = history().paroleGranted(paroleEnds.minusYears(1).toString(), paroleEnds.toString())
                .entered(paroleEnds.minusYears(1).toString(), EntryManner.PAROLED);
        LocalDate threshold = deadlines(paroled.assessedAsOf("2100-01-01"), DeadlineType.UNLAWFUL_PRESENCE_180).getFirst();

        Assessment withAsylum = paroled.asylumFiled(paroleEnds.plusDays(filedAfterEnd).toString()).assessedAsOf("2100-01-01");

        deadlines(withAsylum, DeadlineType.UNLAWFUL_PRESENCE_180)
                .forEach(date -> assertThat(date).isAfterOrEqualTo(threshold));
    }
}
