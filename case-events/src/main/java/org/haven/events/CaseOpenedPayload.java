package org.haven.events;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** A case was opened. The client's names stay in case-service; consumers get what the rules need. */
public record CaseOpenedPayload(
        LocalDate dateOfBirth,
        String countryOfNationality,
        String preferredLanguage,
        @Nullable LocalDate lastArrivalDate,
        boolean unaccompaniedMinor,
        @Nullable String assignee) implements CaseEventPayload {
}
