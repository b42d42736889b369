package org.haven.eligibility.rules.tps;

import org.haven.eligibility.rules.EffectivePeriod;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * One designation (or extension, or redesignation) of a country for TPS, as its Federal Register notice states it.
 *
 * @param country      ISO 3166-1 alpha-2 code, as {@code countryOfNationality} is recorded
 * @param registrationStart first day of the initial registration window
 * @param registrationEnd   last day of the initial registration window
 * @param citation     the notice, e.g. {@code 87 FR 23211}
 * @param verified     false for an entry not checked against the notice itself: answers that depend on it are NEEDS_REVIEW
 * @param note         what is unverified, or what the entry leaves out
 */
public record TpsDesignation(String country, LocalDate designationStart, LocalDate designationEnd,
                             LocalDate registrationStart, LocalDate registrationEnd, String citation,
                             boolean verified, @Nullable String note) {

    public EffectivePeriod registrationWindow() {
        return EffectivePeriod.between(registrationStart, registrationEnd);
    }

    public EffectivePeriod designation() {
        return EffectivePeriod.between(designationStart, designationEnd);
    }
}
