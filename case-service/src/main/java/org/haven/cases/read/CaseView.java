package org.haven.cases.read;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A case as the API shows it. */
public record CaseView(
        UUID id,
        String caseNumber,
        ClientView client,
        @Nullable LocalDate lastArrivalDate,
        boolean unaccompaniedMinor,
        String status,
        @Nullable String assignee,
        long version,
        Instant openedAt,
        Instant updatedAt) {

    public record ClientView(String givenName, String familyName, LocalDate dateOfBirth,
                             String countryOfNationality, String preferredLanguage) {
    }
}
