package org.haven.cases.write;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.haven.cases.domain.Client;

import java.time.LocalDate;

/** The client of {@code POST /api/cases} and of a correction. */
record ClientRequest(
        @NotBlank @Size(max = 200) String givenName,
        @NotBlank @Size(max = 200) String familyName,
        @NotNull @PastOrPresent LocalDate dateOfBirth,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as UA") String countryOfNationality,
        @NotNull @Pattern(regexp = "en|es", message = "must be en or es") String preferredLanguage) {

    Client toClient() {
        return new Client(givenName.strip(), familyName.strip(), dateOfBirth, countryOfNationality, preferredLanguage);
    }
}
