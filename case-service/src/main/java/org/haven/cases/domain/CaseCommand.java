package org.haven.cases.domain;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A request to record something about one case. */
public interface CaseCommand {

    CaseId caseId();

    /** The legal dates this fact states; none may lie before the client's birth. */
    default List<LocalDate> factDates() {
        return List.of();
    }

    static List<LocalDate> dates(@Nullable LocalDate... dates) {
        return Arrays.stream(dates).filter(Objects::nonNull).toList();
    }
}
