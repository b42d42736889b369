package org.haven.events;

import org.haven.events.vocabulary.AdjustmentBasis;
import org.haven.events.vocabulary.AsylumKind;
import org.haven.events.vocabulary.ClockStopReason;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EadCategory;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.FeeExemption;
import org.haven.events.vocabulary.Filing;
import org.haven.events.vocabulary.ParoleBasis;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.ParoleUrgency;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole case vocabulary as other services see it, one record per event; a record's simple name is the
 * event's {@code type}. Payloads carry ids, dates and codes only — never names, contact details or free
 * text, which stay in case-service. Fields may be added (consumers ignore unknown fields); renaming or
 * removing one means a new topic version.
 */
public sealed interface CaseEventPayload {

    default String type() {
        return getClass().getSimpleName();
    }

    /** Payload classes by event type, for consumers that read the envelope's {@code type} first. */
    static Optional<Class<? extends CaseEventPayload>> typeNamed(String type) {
        return Optional.ofNullable(Types.BY_NAME.get(type));
    }

    // Intake

    record CaseOpened(LocalDate dateOfBirth, String countryOfNationality, String preferredLanguage,
                      @Nullable LocalDate lastArrivalDate, boolean unaccompaniedMinor,
                      @Nullable String assignee) implements CaseEventPayload {
    }

    record ClientDetailsCorrected(LocalDate dateOfBirth, String countryOfNationality, String preferredLanguage,
                                  @Nullable LocalDate lastArrivalDate, boolean unaccompaniedMinor) implements CaseEventPayload {
    }

    /** {@code assignee} is the caseworker's user id (the identity token's subject), not a name. */
    record CaseAssigned(String assignee) implements CaseEventPayload {
    }

    record CaseClosed() implements CaseEventPayload {
    }

    record CaseReopened() implements CaseEventPayload {
    }

    /** That a note was added; its text stays in case-service. */
    record NoteAdded(UUID noteId) implements CaseEventPayload {
    }

    // Presence

    record EntryRecorded(LocalDate date, EntryManner manner) implements CaseEventPayload {
    }

    record DepartureRecorded(LocalDate date, boolean advanceParole) implements CaseEventPayload {
    }

    // Parole

    record ParoleRequested(LocalDate filedOn, ParoleKind kind, ParoleBasis basis, ParoleUrgency urgency,
                           @Nullable FeeExemption feeExemption, @Nullable String receiptNumber) implements CaseEventPayload {
    }

    record ParoleGranted(LocalDate grantedOn, LocalDate validUntil, @Nullable String program,
                         @Nullable FeeExemption feeExemption, @Nullable String receiptNumber) implements CaseEventPayload {
    }

    record ParoleDenied(LocalDate date) implements CaseEventPayload {
    }

    record ParoleTerminated(LocalDate date) implements CaseEventPayload {
    }

    // Work authorization

    record EadFiled(EadCategory category, LocalDate filedOn, boolean renewal,
                    @Nullable String receiptNumber) implements CaseEventPayload {
    }

    record EadApproved(LocalDate validFrom, LocalDate validUntil) implements CaseEventPayload {
    }

    record EadDenied(LocalDate date) implements CaseEventPayload {
    }

    // Asylum

    record AsylumFiled(LocalDate filedOn, AsylumKind kind, @Nullable String receiptNumber) implements CaseEventPayload {
    }

    record AsylumClockStopped(LocalDate date, ClockStopReason reason) implements CaseEventPayload {
    }

    record AsylumClockResumed(LocalDate date) implements CaseEventPayload {
    }

    record AsylumGranted(LocalDate date) implements CaseEventPayload {
    }

    record AsylumDenied(LocalDate date) implements CaseEventPayload {
    }

    // Refugees, TPS, adjustment

    record RefugeeAdmitted(LocalDate date) implements CaseEventPayload {
    }

    record TpsApplied(String country, LocalDate filedOn, @Nullable String receiptNumber) implements CaseEventPayload {
    }

    record TpsGranted(LocalDate date, LocalDate validUntil) implements CaseEventPayload {
    }

    record AdjustmentFiled(LocalDate filedOn, AdjustmentBasis basis, @Nullable String receiptNumber) implements CaseEventPayload {
    }

    // Requests for evidence

    record RfeReceived(UUID rfeId, Filing filing, LocalDate receivedOn, LocalDate respondBy) implements CaseEventPayload {
    }

    record RfeAnswered(UUID rfeId, LocalDate answeredOn) implements CaseEventPayload {
    }

    // Rules

    /** Produced by eligibility-service on {@link Topics#ELIGIBILITY_EVENTS}; case-service records it in the case. */
    record EligibilityAssessed(Assessment assessment) implements CaseEventPayload {
    }

    // Deadlines that fired: recorded by case-service when a scheduled deadline comes due

    /** A deadline that came due, or one of its reminders. {@code daysBefore} is 0 on the day itself. */
    sealed interface DeadlineReached extends CaseEventPayload {
        DeadlineType deadlineType();

        LocalDate dueOn();

        int daysBefore();

        String ruleId();

        String citation();
    }

    record ParoleExpiring(DeadlineType deadlineType, LocalDate dueOn, int daysBefore, String ruleId,
                          String citation) implements DeadlineReached {
    }

    record ParoleExpired(DeadlineType deadlineType, LocalDate dueOn, int daysBefore, String ruleId,
                         String citation) implements DeadlineReached {
    }

    record AsylumDeadlineApproaching(DeadlineType deadlineType, LocalDate dueOn, int daysBefore, String ruleId,
                                     String citation) implements DeadlineReached {
    }

    record EadExpiring(DeadlineType deadlineType, LocalDate dueOn, int daysBefore, String ruleId,
                       String citation) implements DeadlineReached {
    }

    record AdjustmentEligible(DeadlineType deadlineType, LocalDate dueOn, int daysBefore, String ruleId,
                              String citation) implements DeadlineReached {
    }

    record UnlawfulPresenceThresholdReached(DeadlineType deadlineType, LocalDate dueOn, int daysBefore, String ruleId,
                                            String citation) implements DeadlineReached {
    }

    /** Any other computed deadline coming due (an RFE response, a TPS registration window, …). */
    record DeadlineApproaching(DeadlineType deadlineType, LocalDate dueOn, int daysBefore, String ruleId,
                               String citation) implements DeadlineReached {
    }

    final class Types {
        private static final Map<String, Class<? extends CaseEventPayload>> BY_NAME = Arrays.stream(new Class<?>[]{
                        CaseOpened.class, ClientDetailsCorrected.class, CaseAssigned.class, CaseClosed.class,
                        CaseReopened.class, NoteAdded.class, EntryRecorded.class, DepartureRecorded.class,
                        ParoleRequested.class, ParoleGranted.class, ParoleDenied.class, ParoleTerminated.class,
                        EadFiled.class, EadApproved.class, EadDenied.class, AsylumFiled.class, AsylumClockStopped.class,
                        AsylumClockResumed.class, AsylumGranted.class, AsylumDenied.class, RefugeeAdmitted.class,
                        TpsApplied.class, TpsGranted.class, AdjustmentFiled.class, RfeReceived.class, RfeAnswered.class,
                        EligibilityAssessed.class, ParoleExpiring.class, ParoleExpired.class,
                        AsylumDeadlineApproaching.class, EadExpiring.class, AdjustmentEligible.class,
                        UnlawfulPresenceThresholdReached.class, DeadlineApproaching.class})
                .map(type -> type.asSubclass(CaseEventPayload.class))
                .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

        private Types() {
        }
    }
}
