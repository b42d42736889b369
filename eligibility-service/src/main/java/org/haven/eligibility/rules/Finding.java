package org.haven.eligibility.rules;

import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.Pathway;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * One thing a rule concludes. The assessment attaches the rule's id and citation; a finding names its own
 * citation only where a version of the rule has a source of its own (EAD-C8-150's three periods).
 */
public sealed interface Finding {

    static Verdict verdict(Pathway pathway, Outcome outcome) {
        return new Verdict(pathway, outcome, null);
    }

    static Deadline deadline(DeadlineType type, LocalDate dueOn, List<Integer> remindDaysBefore) {
        return new Deadline(type, dueOn, remindDaysBefore, null);
    }

    static Warning warning(String message) {
        return new Warning(message);
    }

    record Verdict(Pathway pathway, Outcome outcome, @Nullable String citation) implements Finding {
        public Verdict citing(String versionCitation) {
            return new Verdict(pathway, outcome, versionCitation);
        }
    }

    /** A computed date. The due date itself always fires; {@code remindDaysBefore} adds reminders before it. */
    record Deadline(DeadlineType type, LocalDate dueOn, List<Integer> remindDaysBefore, @Nullable String citation)
            implements Finding {
        public Deadline {
            remindDaysBefore = List.copyOf(remindDaysBefore);
        }

        public Deadline citing(String versionCitation) {
            return new Deadline(type, dueOn, remindDaysBefore, versionCitation);
        }
    }

    record Warning(String message) implements Finding {
    }
}
