package org.haven.cases.domain;

import java.time.LocalDate;

/** The person the case is about. Names stay in case-service; they never go to Kafka. */
public record Client(
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String countryOfNationality,
        String preferredLanguage) {
}
