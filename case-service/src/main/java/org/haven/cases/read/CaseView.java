package org.haven.cases.read;

import org.haven.cases.domain.intake.CaseClosed;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.AdjustmentBasis;
import org.haven.events.vocabulary.AsylumKind;
import org.haven.events.vocabulary.ClockStopReason;
import org.haven.events.vocabulary.EadCategory;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.Filing;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.Pathway;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case as the API shows it: the projection's row and the as-of rebuild are both this record, made by
 * {@link CaseFold}. A pathway's part is {@code null} until the case records something on it.
 *
 * @param version         the sequence of the last event folded in; every event moves it (read-your-writes, ETag)
 * @param pathways        every pathway the case has pursued, see {@link CaseFold} for which event puts it there
 * @param receiptNumbers  USCIS receipt numbers of the case's filings, in the order recorded
 * @param eligibility     eligibility-service's latest assessment, with its computed deadlines
 */
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
        Instant updatedAt,
        @Nullable Closure closure,
        List<Pathway> pathways,
        List<String> receiptNumbers,
        @Nullable Entry lastEntry,
        @Nullable Departure lastDeparture,
        @Nullable Parole parole,
        @Nullable Asylum asylum,
        @Nullable Ead ead,
        @Nullable Tps tps,
        @Nullable LocalDate refugeeAdmittedOn,
        @Nullable Adjustment adjustment,
        List<Rfe> rfes,
        @Nullable Eligibility eligibility) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public record ClientView(String givenName, String familyName, LocalDate dateOfBirth,
                             String countryOfNationality, String preferredLanguage) {
    }

    public record Closure(Instant closedAt, CaseClosed.@Nullable Code code, String reason) {
    }

    public record Entry(LocalDate date, EntryManner manner) {
    }

    public record Departure(LocalDate date, boolean advanceParole) {
    }

    /** {@code status} is the latest parole fact; an earlier grant's dates stay while a re-parole is pending. */
    public record Parole(ParoleStatus status, ParoleKind kind, LocalDate requestedOn, boolean requestPending,
                         @Nullable LocalDate grantedOn, @Nullable LocalDate validUntil, @Nullable String program,
                         @Nullable LocalDate deniedOn, @Nullable LocalDate terminatedOn) {
    }

    public enum ParoleStatus { REQUESTED, GRANTED, DENIED, TERMINATED, EXPIRED }

    public record Asylum(LocalDate filedOn, AsylumKind kind, boolean pending, boolean clockStopped,
                         @Nullable LocalDate clockStoppedOn, @Nullable ClockStopReason clockStopReason,
                         @Nullable Decision decision, @Nullable LocalDate decidedOn) {
    }

    public enum Decision { GRANTED, DENIED }

    /** The latest EAD application; a renewal keeps the current card's dates until it is decided. */
    public record Ead(EadCategory category, LocalDate filedOn, boolean renewal, EadStatus status,
                      @Nullable LocalDate validFrom, @Nullable LocalDate validUntil, @Nullable LocalDate deniedOn) {
    }

    public enum EadStatus { FILED, APPROVED, DENIED }

    public record Tps(String country, LocalDate filedOn, @Nullable LocalDate grantedOn, @Nullable LocalDate validUntil) {
    }

    public record Adjustment(LocalDate filedOn, AdjustmentBasis basis) {
    }

    public record Rfe(UUID rfeId, Filing filing, LocalDate receivedOn, LocalDate respondBy, @Nullable LocalDate answeredOn) {
    }

    public record Eligibility(UUID assessmentId, Instant assessedAt, LocalDate asOf, String ruleSetVersion,
                              List<Assessment.PathwayResult> pathways, List<Assessment.Warning> warnings,
                              List<Assessment.Deadline> deadlines) {
    }
}
