package org.haven.cases.relay;

import org.haven.cases.domain.adjustment.AdjustmentFiled;
import org.haven.cases.domain.asylum.AsylumClockResumed;
import org.haven.cases.domain.asylum.AsylumClockStopped;
import org.haven.cases.domain.asylum.AsylumDenied;
import org.haven.cases.domain.asylum.AsylumFiled;
import org.haven.cases.domain.asylum.AsylumGranted;
import org.haven.cases.domain.deadlines.AdjustmentEligible;
import org.haven.cases.domain.deadlines.AsylumDeadlineApproaching;
import org.haven.cases.domain.deadlines.DeadlineApproaching;
import org.haven.cases.domain.deadlines.EadExpiring;
import org.haven.cases.domain.deadlines.EligibilityAssessed;
import org.haven.cases.domain.deadlines.ParoleExpired;
import org.haven.cases.domain.deadlines.ParoleExpiring;
import org.haven.cases.domain.deadlines.UnlawfulPresenceThresholdReached;
import org.haven.cases.domain.ead.EadApproved;
import org.haven.cases.domain.ead.EadDenied;
import org.haven.cases.domain.ead.EadFiled;
import org.haven.cases.domain.intake.CaseAssigned;
import org.haven.cases.domain.intake.CaseClosed;
import org.haven.cases.domain.intake.CaseOpened;
import org.haven.cases.domain.intake.CaseReopened;
import org.haven.cases.domain.intake.ClientDetailsCorrected;
import org.haven.cases.domain.intake.NoteAdded;
import org.haven.cases.domain.parole.ParoleDenied;
import org.haven.cases.domain.parole.ParoleGranted;
import org.haven.cases.domain.parole.ParoleRequested;
import org.haven.cases.domain.parole.ParoleTerminated;
import org.haven.cases.domain.presence.DepartureRecorded;
import org.haven.cases.domain.presence.EntryRecorded;
import org.haven.cases.domain.refugee.RefugeeAdmitted;
import org.haven.cases.domain.rfe.RfeAnswered;
import org.haven.cases.domain.rfe.RfeReceived;
import org.haven.cases.domain.tps.TpsApplied;
import org.haven.cases.domain.tps.TpsGranted;
import org.haven.events.CaseEventPayload;

import java.util.Optional;

/**
 * What of each case event leaves case-service: the contract payload of {@code case-events}, without names,
 * contact details or free text (a note's text and a closure's reason stay here). One place decides it for
 * every event type; an event missing here is not published, and a test checks that none is missing.
 */
final class PublishedEvents {

    private PublishedEvents() {
    }

    static Optional<CaseEventPayload> toContract(Object event) {
        CaseEventPayload payload = switch (event) {
            case CaseOpened e -> new CaseEventPayload.CaseOpened(e.client().dateOfBirth(), e.client().countryOfNationality(),
                    e.client().preferredLanguage(), e.lastArrivalDate(), e.unaccompaniedMinor(), null);
            case ClientDetailsCorrected e -> new CaseEventPayload.ClientDetailsCorrected(e.client().dateOfBirth(),
                    e.client().countryOfNationality(), e.client().preferredLanguage(), e.lastArrivalDate(), e.unaccompaniedMinor());
            case CaseAssigned e -> new CaseEventPayload.CaseAssigned(e.assignee());
            case CaseClosed e -> new CaseEventPayload.CaseClosed();
            case CaseReopened e -> new CaseEventPayload.CaseReopened();
            case NoteAdded e -> new CaseEventPayload.NoteAdded(e.noteId());
            case EntryRecorded e -> new CaseEventPayload.EntryRecorded(e.date(), e.manner());
            case DepartureRecorded e -> new CaseEventPayload.DepartureRecorded(e.date(), e.advanceParole());
            case ParoleRequested e -> new CaseEventPayload.ParoleRequested(e.filedOn(), e.kind(), e.basis(), e.urgency(),
                    e.feeExemption(), e.receiptNumber());
            case ParoleGranted e -> new CaseEventPayload.ParoleGranted(e.grantedOn(), e.validUntil(), e.program(),
                    e.feeExemption(), e.receiptNumber());
            case ParoleDenied e -> new CaseEventPayload.ParoleDenied(e.date());
            case ParoleTerminated e -> new CaseEventPayload.ParoleTerminated(e.date());
            case EadFiled e -> new CaseEventPayload.EadFiled(e.category(), e.filedOn(), e.renewal(), e.receiptNumber());
            case EadApproved e -> new CaseEventPayload.EadApproved(e.validFrom(), e.validUntil());
            case EadDenied e -> new CaseEventPayload.EadDenied(e.date());
            case AsylumFiled e -> new CaseEventPayload.AsylumFiled(e.filedOn(), e.kind(), e.receiptNumber());
            case AsylumClockStopped e -> new CaseEventPayload.AsylumClockStopped(e.date(), e.reason());
            case AsylumClockResumed e -> new CaseEventPayload.AsylumClockResumed(e.date());
            case AsylumGranted e -> new CaseEventPayload.AsylumGranted(e.date());
            case AsylumDenied e -> new CaseEventPayload.AsylumDenied(e.date());
            case RefugeeAdmitted e -> new CaseEventPayload.RefugeeAdmitted(e.date());
            case TpsApplied e -> new CaseEventPayload.TpsApplied(e.country(), e.filedOn(), e.receiptNumber());
            case TpsGranted e -> new CaseEventPayload.TpsGranted(e.date(), e.validUntil());
            case AdjustmentFiled e -> new CaseEventPayload.AdjustmentFiled(e.filedOn(), e.basis(), e.receiptNumber());
            case RfeReceived e -> new CaseEventPayload.RfeReceived(e.rfeId(), e.filing(), e.receivedOn(), e.respondBy());
            case RfeAnswered e -> new CaseEventPayload.RfeAnswered(e.rfeId(), e.answeredOn());
            case EligibilityAssessed e -> new CaseEventPayload.EligibilityAssessed(e.assessment());
            case ParoleExpiring e -> new CaseEventPayload.ParoleExpiring(e.deadlineType(), e.dueOn(), e.daysBefore(), e.ruleId(), e.citation());
            case ParoleExpired e -> new CaseEventPayload.ParoleExpired(e.deadlineType(), e.dueOn(), e.daysBefore(), e.ruleId(), e.citation());
            case AsylumDeadlineApproaching e -> new CaseEventPayload.AsylumDeadlineApproaching(e.deadlineType(), e.dueOn(), e.daysBefore(), e.ruleId(), e.citation());
            case EadExpiring e -> new CaseEventPayload.EadExpiring(e.deadlineType(), e.dueOn(), e.daysBefore(), e.ruleId(), e.citation());
            case AdjustmentEligible e -> new CaseEventPayload.AdjustmentEligible(e.deadlineType(), e.dueOn(), e.daysBefore(), e.ruleId(), e.citation());
            case UnlawfulPresenceThresholdReached e -> new CaseEventPayload.UnlawfulPresenceThresholdReached(e.deadlineType(), e.dueOn(), e.daysBefore(), e.ruleId(), e.citation());
            case DeadlineApproaching e -> new CaseEventPayload.DeadlineApproaching(e.deadlineType(), e.dueOn(), e.daysBefore(), e.ruleId(), e.citation());
            default -> null;
        };
        return Optional.ofNullable(payload);
    }
}
