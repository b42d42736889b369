package org.haven.eligibility.screening;

import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.AsylumClockResumed;
import org.haven.events.CaseEventPayload.AsylumClockStopped;
import org.haven.events.CaseEventPayload.AsylumDenied;
import org.haven.events.CaseEventPayload.AsylumFiled;
import org.haven.events.CaseEventPayload.AsylumGranted;
import org.haven.events.CaseEventPayload.DepartureRecorded;
import org.haven.events.CaseEventPayload.EadApproved;
import org.haven.events.CaseEventPayload.EadDenied;
import org.haven.events.CaseEventPayload.EadFiled;
import org.haven.events.CaseEventPayload.EntryRecorded;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.CaseEventPayload.ParoleTerminated;
import org.haven.events.CaseEventPayload.RfeAnswered;
import org.haven.events.CaseEventPayload.RfeReceived;
import org.haven.events.CaseEventPayload.TpsApplied;
import org.haven.events.CaseEventPayload.TpsGranted;
import org.haven.support.problem.FieldError;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks that each event of a screening follows what it refers to: the order rules of {@link ScreeningReader}.
 * Errors name the field that is out of order, or the {@code type} when what it follows up is missing.
 */
final class EventSequence {

    /** Something recorded earlier that a later event refers to, with where it was read from. */
    private record Earlier(LocalDate date, String path) {
    }

    private final List<FieldError> errors;

    private @Nullable Earlier lastMovement;
    private @Nullable Earlier asylumFiling;
    private @Nullable Earlier asylumDecision;
    private @Nullable Earlier clockStop;
    private @Nullable Earlier clockResume;
    private @Nullable Earlier pendingEad;
    private @Nullable Earlier paroleGrant;
    private @Nullable Earlier tpsApplication;
    private final Map<UUID, Earlier> openRfes = new LinkedHashMap<>();

    EventSequence(List<FieldError> errors) {
        this.errors = errors;
    }

    /** Checks the event against what came before, and returns it as it enters the history. */
    CaseEventPayload follow(ScreeningReader.IndexedEvent indexed) {
        String path = indexed.path();
        return switch (indexed.payload()) {
            case EntryRecorded entry -> {
                movement(path, entry.date());
                yield entry;
            }
            case DepartureRecorded departure -> {
                movement(path, departure.date());
                yield departure;
            }
            case AsylumFiled filing -> {
                asylumFiling = new Earlier(filing.filedOn(), path);
                asylumDecision = null;
                clockStop = null;
                clockResume = null;
                yield filing;
            }
            case AsylumClockStopped stop -> {
                if (requireAsylumPending(path, "AsylumClockStopped")) {
                    notBefore(path, "date", stop.date(), asylumFiling, "the asylum filing");
                    if (clockStop != null) {
                        error(path, "type", "the asylum clock is already stopped since " + clockStop.date() + " (" + clockStop.path() + ")");
                    } else {
                        notBefore(path, "date", stop.date(), clockResume, "the last clock resumption");
                        clockStop = new Earlier(stop.date(), path);
                    }
                }
                yield stop;
            }
            case AsylumClockResumed resume -> {
                if (clockStop == null) {
                    error(path, "type", "there is no asylum clock stop before it to resume");
                } else {
                    notBefore(path, "date", resume.date(), clockStop, "the clock stop");
                    clockResume = new Earlier(resume.date(), path);
                    clockStop = null;
                }
                yield resume;
            }
            case AsylumGranted grant -> {
                decision(path, "AsylumGranted", grant.date());
                yield grant;
            }
            case AsylumDenied denial -> {
                decision(path, "AsylumDenied", denial.date());
                yield denial;
            }
            case EadFiled filing -> {
                pendingEad = new Earlier(filing.filedOn(), path);
                yield filing;
            }
            case EadApproved approval -> {
                eadDecision(path, "EadApproved", "validFrom", approval.validFrom());
                notBefore(path, "validUntil", approval.validUntil(), new Earlier(approval.validFrom(), path), "validFrom");
                yield approval;
            }
            case EadDenied denial -> {
                eadDecision(path, "EadDenied", "date", denial.date());
                yield denial;
            }
            case ParoleGranted grant -> {
                notBefore(path, "validUntil", grant.validUntil(), new Earlier(grant.grantedOn(), path), "grantedOn");
                paroleGrant = new Earlier(grant.grantedOn(), path);
                yield grant;
            }
            case ParoleTerminated termination -> {
                if (paroleGrant == null) {
                    error(path, "type", "ParoleTerminated needs a ParoleGranted before it");
                } else {
                    notBefore(path, "date", termination.date(), paroleGrant, "the parole grant");
                }
                yield termination;
            }
            case TpsApplied application -> {
                tpsApplication = new Earlier(application.filedOn(), path);
                yield application;
            }
            case TpsGranted grant -> {
                notBefore(path, "date", grant.date(), tpsApplication, "the TPS application");
                notBefore(path, "validUntil", grant.validUntil(), new Earlier(grant.date(), path), "date");
                yield grant;
            }
            case RfeReceived rfe -> {
                notBefore(path, "respondBy", rfe.respondBy(), new Earlier(rfe.receivedOn(), path), "receivedOn");
                Earlier earlier = openRfes.putIfAbsent(rfe.rfeId(), new Earlier(rfe.receivedOn(), path));
                if (earlier != null) {
                    error(path, "rfeId", "is already used by " + earlier.path());
                }
                yield rfe;
            }
            case RfeAnswered answer -> answered(path, answer);
            default -> indexed.payload();
        };
    }

    private RfeAnswered answered(String path, RfeAnswered answer) {
        UUID rfeId = answer.rfeId();
        if (rfeId.equals(ScreeningReader.UNSPECIFIED_RFE)) {
            if (openRfes.isEmpty()) {
                error(path, "type", "there is no open RFE before it to answer");
                return answer;
            }
            if (openRfes.size() > 1) {
                error(path, "rfeId", "is required when several RFEs are open ("
                        + String.join(", ", openRfes.values().stream().map(Earlier::path).toList()) + ")");
                return answer;
            }
            rfeId = openRfes.keySet().iterator().next();
        }
        Earlier received = openRfes.remove(rfeId);
        if (received == null) {
            error(path, "rfeId", "names no open RFE before it");
            return answer;
        }
        notBefore(path, "answeredOn", answer.answeredOn(), received, "the RFE's receipt");
        return new RfeAnswered(rfeId, answer.answeredOn());
    }

    private void movement(String path, LocalDate date) {
        notBefore(path, "date", date, lastMovement, "the previous entry or departure");
        lastMovement = new Earlier(date, path);
    }

    private boolean requireAsylumPending(String path, String type) {
        if (asylumFiling == null) {
            error(path, "type", type + " needs an AsylumFiled before it");
            return false;
        }
        if (asylumDecision != null) {
            error(path, "type", "the asylum application was already decided (" + asylumDecision.path() + ")");
            return false;
        }
        return true;
    }

    private void decision(String path, String type, LocalDate date) {
        if (requireAsylumPending(path, type)) {
            notBefore(path, "date", date, asylumFiling, "the asylum filing");
            asylumDecision = new Earlier(date, path);
        }
    }

    private void eadDecision(String path, String type, String field, LocalDate date) {
        if (pendingEad == null) {
            error(path, "type", type + " needs an EadFiled before it that is not yet decided");
            return;
        }
        notBefore(path, field, date, pendingEad, "the EAD filing");
        pendingEad = null;
    }

    private void notBefore(String path, String field, LocalDate date, @Nullable Earlier earlier, String what) {
        if (earlier != null && date.isBefore(earlier.date())) {
            error(path, field, "is before " + what + " on " + earlier.date()
                    + (earlier.path().equals(path) ? "" : " (" + earlier.path() + ")") + ": events are out of order");
        }
    }

    private void error(String path, String field, String message) {
        errors.add(new FieldError(path + "." + field, message));
    }
}
