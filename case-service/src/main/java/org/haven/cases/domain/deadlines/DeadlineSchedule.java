package org.haven.cases.domain.deadlines;

import org.haven.cases.domain.CaseId;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.DeadlineType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * When a case's computed deadlines fire, and what each firing records. Every deadline fires on its due date
 * and on each of its reminder days ({@link Assessment.Deadline#remindDaysBefore()}). A firing whose time has
 * passed fires at once — but of the reminders already passed only the latest, so a parole granted with 20 days
 * left records one {@code ParoleExpiring}, not three. Nothing fires twice.
 */
public final class DeadlineSchedule {

    private DeadlineSchedule() {
    }

    /** Every firing the assessment defines, whether past or future; identifies stale schedules. */
    public static Set<String> keysOf(Assessment assessment) {
        return assessment.deadlines().stream()
                .flatMap(deadline -> firingsOf(deadline).stream())
                .map(firing -> firing.key())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The assessment with each deadline's reminder days replaced by the organization's choice for its kind, longest
     * first; kinds it did not choose keep the rules' days.
     */
    public static Assessment withReminderDays(Assessment assessment, Map<DeadlineType, List<Integer>> chosen) {
        if (chosen.isEmpty() || assessment.deadlines().stream().noneMatch(deadline -> chosen.containsKey(deadline.type()))) {
            return assessment;
        }
        List<Assessment.Deadline> deadlines = assessment.deadlines().stream()
                .map(deadline -> chosen.containsKey(deadline.type())
                        ? new Assessment.Deadline(deadline.type(), deadline.dueOn(), deadline.ruleId(), deadline.citation(),
                                chosen.get(deadline.type()).stream().distinct().sorted(Comparator.reverseOrder()).toList())
                        : deadline)
                .toList();
        return new Assessment(assessment.asOf(), assessment.ruleSetVersion(), assessment.pathways(), deadlines,
                assessment.warnings());
    }

    /** The rules' days of each deadline type whose days {@code applied} replaced (type name → days), for the record. */
    public static Map<String, List<Integer>> reminderDaysReplaced(Assessment published, Assessment applied) {
        Map<String, List<Integer>> replaced = new TreeMap<>();
        for (int i = 0; i < published.deadlines().size(); i++) {
            Assessment.Deadline rules = published.deadlines().get(i);
            if (!rules.remindDaysBefore().equals(applied.deadlines().get(i).remindDaysBefore())) {
                replaced.put(rules.type().name(), rules.remindDaysBefore());
            }
        }
        return replaced;
    }

    /** {@link #reminderDaysReplaced}'s map read back (names of types this build no longer knows are dropped). */
    public static Map<DeadlineType, List<Integer>> reminderDaysByType(Map<String, ? extends List<? extends Number>> byName) {
        Map<DeadlineType, List<Integer>> byType = new EnumMap<>(DeadlineType.class);
        byName.forEach((name, days) -> {
            if (Arrays.stream(DeadlineType.values()).anyMatch(type -> type.name().equals(name))) {
                byType.put(DeadlineType.valueOf(name), days.stream().map(Number::intValue).toList());
            }
        });
        return byType;
    }

    public static List<ScheduledDeadline> plan(Assessment assessment, DeadlineCalendar calendar, Set<String> alreadyFired) {
        Instant now = calendar.now();
        List<ScheduledDeadline> planned = new ArrayList<>();
        for (Assessment.Deadline deadline : assessment.deadlines()) {
            List<Firing> firings = firingsOf(deadline);
            Firing latestPassed = firings.stream()
                    .filter(firing -> !calendar.startOf(firing.firesOn()).isAfter(now))
                    .max(Comparator.comparing(Firing::firesOn))
                    .orElse(null);
            for (Firing firing : firings) {
                Instant firesAt = calendar.startOf(firing.firesOn());
                boolean passed = !firesAt.isAfter(now);
                if (alreadyFired.contains(firing.key()) || (passed && firing != latestPassed)) {
                    continue;
                }
                planned.add(new ScheduledDeadline(deadline.type(), deadline.dueOn(), firing.daysBefore(),
                        deadline.ruleId(), deadline.citation(), passed ? now : firesAt));
            }
        }
        return planned;
    }

    /** What the case records when a firing comes due. */
    public static DeadlineReached eventFor(CaseId caseId, ScheduledDeadline firing) {
        DeadlineType type = firing.deadlineType();
        LocalDate dueOn = firing.dueOn();
        int daysBefore = firing.daysBefore();
        String ruleId = firing.ruleId();
        String citation = firing.citation();
        return switch (type) {
            case PAROLE_EXPIRY -> daysBefore > 0
                    ? new ParoleExpiring(caseId, type, dueOn, daysBefore, ruleId, citation)
                    : new ParoleExpired(caseId, type, dueOn, daysBefore, ruleId, citation);
            case ASYLUM_ONE_YEAR -> new AsylumDeadlineApproaching(caseId, type, dueOn, daysBefore, ruleId, citation);
            case EAD_EXPIRY -> new EadExpiring(caseId, type, dueOn, daysBefore, ruleId, citation);
            case ADJUSTMENT_ELIGIBLE -> new AdjustmentEligible(caseId, type, dueOn, daysBefore, ruleId, citation);
            case UNLAWFUL_PRESENCE_180, UNLAWFUL_PRESENCE_365 ->
                    new UnlawfulPresenceThresholdReached(caseId, type, dueOn, daysBefore, ruleId, citation);
            default -> new DeadlineApproaching(caseId, type, dueOn, daysBefore, ruleId, citation);
        };
    }

    private static List<Firing> firingsOf(Assessment.Deadline deadline) {
        List<Firing> firings = new ArrayList<>();
        for (int daysBefore : deadline.remindDaysBefore()) {
            if (daysBefore > 0) {
                firings.add(new Firing(deadline.type(), deadline.dueOn(), daysBefore, deadline.dueOn().minusDays(daysBefore)));
            }
        }
        firings.add(new Firing(deadline.type(), deadline.dueOn(), 0, dueDayFiring(deadline.type(), deadline.dueOn())));
        return firings;
    }

    /** A status that is valid through its end date has expired only the day after it. */
    private static LocalDate dueDayFiring(DeadlineType type, LocalDate dueOn) {
        return switch (type) {
            case PAROLE_EXPIRY, EAD_EXPIRY -> dueOn.plusDays(1);
            default -> dueOn;
        };
    }

    private record Firing(DeadlineType type, LocalDate dueOn, int daysBefore, LocalDate firesOn) {
        String key() {
            return type + "/" + dueOn + "/" + daysBefore;
        }
    }
}
