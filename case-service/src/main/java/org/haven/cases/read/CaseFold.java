package org.haven.cases.read;

import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.adjustment.AdjustmentFiled;
import org.haven.cases.domain.asylum.AsylumClockResumed;
import org.haven.cases.domain.asylum.AsylumClockStopped;
import org.haven.cases.domain.asylum.AsylumDenied;
import org.haven.cases.domain.asylum.AsylumFiled;
import org.haven.cases.domain.asylum.AsylumGranted;
import org.haven.cases.domain.deadlines.EligibilityAssessed;
import org.haven.cases.domain.deadlines.ParoleExpired;
import org.haven.cases.domain.ead.EadApproved;
import org.haven.cases.domain.ead.EadDenied;
import org.haven.cases.domain.ead.EadFiled;
import org.haven.cases.domain.intake.CaseAssigned;
import org.haven.cases.domain.intake.CaseClosed;
import org.haven.cases.domain.intake.CaseOpened;
import org.haven.cases.domain.intake.CaseReopened;
import org.haven.cases.domain.intake.ClientDetailsCorrected;
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
import org.haven.events.vocabulary.AdjustmentBasis;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.Pathway;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that says what each event does to the case view. The {@code case-summary} projection folds
 * each event into the stored view; {@code GET /api/cases/{id}?asOf=} folds the event store's history up to an
 * instant. Pure: no clock, no I/O.
 *
 * <p>Pathways a case has pursued (they stay once entered, a denial included):
 * {@code PAROLE}/{@code REPAROLE} from {@code ParoleRequested} by its kind; {@code ASYLUM} from
 * {@code AsylumFiled}; {@code EAD} from {@code EadFiled}; {@code TPS} from {@code TpsApplied};
 * {@code REFUGEE_ADJUSTMENT} from {@code RefugeeAdmitted} or an {@code AdjustmentFiled} on a refugee basis;
 * {@code ASYLEE_ADJUSTMENT} from {@code AsylumGranted} or an {@code AdjustmentFiled} on an asylee basis.
 */
public final class CaseFold {

    private CaseFold() {
    }

    /**
     * The case after the event. An event at or below the view's version was folded in already and changes
     * nothing (so handling an event twice is harmless); an event of a case without a view, other than its
     * {@code CaseOpened}, yields {@code null}.
     */
    public static @Nullable CaseView apply(@Nullable CaseView current, CaseEvent event, long sequence, Instant occurredAt) {
        if (current == null) {
            return event instanceof CaseOpened opened ? opened(opened, sequence, occurredAt) : null;
        }
        if (sequence <= current.version()) {
            return current;
        }
        Draft draft = new Draft(current);
        draft.version = sequence;
        draft.updatedAt = occurredAt;
        switch (event) {
            case ClientDetailsCorrected e -> {
                draft.client = client(e.client());
                draft.lastArrivalDate = e.lastArrivalDate();
                draft.unaccompaniedMinor = e.unaccompaniedMinor();
            }
            case CaseAssigned e -> draft.assignee = e.assignee();
            case CaseClosed e -> {
                draft.status = CaseView.CLOSED;
                draft.closure = new CaseView.Closure(occurredAt, e.code(), e.reason());
            }
            case CaseReopened e -> {
                draft.status = CaseView.OPEN;
                draft.closure = null;
            }
            case EntryRecorded e -> draft.lastEntry = new CaseView.Entry(e.date(), e.manner());
            case DepartureRecorded e -> draft.lastDeparture = new CaseView.Departure(e.date(), e.advanceParole());
            case ParoleRequested e -> {
                CaseView.Parole before = draft.parole;
                draft.parole = new CaseView.Parole(CaseView.ParoleStatus.REQUESTED, e.kind(), e.filedOn(), true,
                        before == null ? null : before.grantedOn(), before == null ? null : before.validUntil(),
                        before == null ? null : before.program(), null, before == null ? null : before.terminatedOn());
                draft.pathways.add(e.kind() == ParoleKind.RE_PAROLE ? Pathway.REPAROLE : Pathway.PAROLE);
                draft.receipt(e.receiptNumber());
            }
            case ParoleGranted e -> {
                CaseView.Parole before = draft.parole;
                draft.parole = new CaseView.Parole(CaseView.ParoleStatus.GRANTED,
                        before == null ? ParoleKind.INITIAL : before.kind(), before == null ? e.grantedOn() : before.requestedOn(),
                        false, e.grantedOn(), e.validUntil(), e.program(), null, null);
                draft.receipt(e.receiptNumber());
            }
            case ParoleDenied e -> draft.parole = draft.parole == null ? null : new CaseView.Parole(CaseView.ParoleStatus.DENIED,
                    draft.parole.kind(), draft.parole.requestedOn(), false, draft.parole.grantedOn(), draft.parole.validUntil(),
                    draft.parole.program(), e.date(), draft.parole.terminatedOn());
            case ParoleTerminated e -> draft.parole = draft.parole == null ? null : new CaseView.Parole(CaseView.ParoleStatus.TERMINATED,
                    draft.parole.kind(), draft.parole.requestedOn(), draft.parole.requestPending(), draft.parole.grantedOn(),
                    draft.parole.validUntil(), draft.parole.program(), draft.parole.deniedOn(), e.date());
            case ParoleExpired e -> {
                if (draft.parole != null && draft.parole.status() == CaseView.ParoleStatus.GRANTED) {
                    draft.parole = new CaseView.Parole(CaseView.ParoleStatus.EXPIRED, draft.parole.kind(), draft.parole.requestedOn(),
                            draft.parole.requestPending(), draft.parole.grantedOn(), draft.parole.validUntil(), draft.parole.program(),
                            draft.parole.deniedOn(), draft.parole.terminatedOn());
                }
            }
            case EadFiled e -> {
                CaseView.Ead before = draft.ead;
                draft.ead = new CaseView.Ead(e.category(), e.filedOn(), e.renewal(), CaseView.EadStatus.FILED,
                        before == null ? null : before.validFrom(), before == null ? null : before.validUntil(), null);
                draft.pathways.add(Pathway.EAD);
                draft.receipt(e.receiptNumber());
            }
            case EadApproved e -> draft.ead = draft.ead == null ? null : new CaseView.Ead(draft.ead.category(), draft.ead.filedOn(),
                    draft.ead.renewal(), CaseView.EadStatus.APPROVED, e.validFrom(), e.validUntil(), null);
            case EadDenied e -> draft.ead = draft.ead == null ? null : new CaseView.Ead(draft.ead.category(), draft.ead.filedOn(),
                    draft.ead.renewal(), CaseView.EadStatus.DENIED, draft.ead.validFrom(), draft.ead.validUntil(), e.date());
            case AsylumFiled e -> {
                draft.asylum = new CaseView.Asylum(e.filedOn(), e.kind(), true, false, null, null, null, null);
                draft.pathways.add(Pathway.ASYLUM);
                draft.receipt(e.receiptNumber());
            }
            case AsylumClockStopped e -> draft.asylum = draft.asylum == null ? null : new CaseView.Asylum(draft.asylum.filedOn(),
                    draft.asylum.kind(), draft.asylum.pending(), true, e.date(), e.reason(), draft.asylum.decision(), draft.asylum.decidedOn());
            case AsylumClockResumed e -> draft.asylum = draft.asylum == null ? null : new CaseView.Asylum(draft.asylum.filedOn(),
                    draft.asylum.kind(), draft.asylum.pending(), false, null, null, draft.asylum.decision(), draft.asylum.decidedOn());
            case AsylumGranted e -> {
                draft.asylum = decided(draft.asylum, CaseView.Decision.GRANTED, e.date());
                draft.pathways.add(Pathway.ASYLEE_ADJUSTMENT);
            }
            case AsylumDenied e -> draft.asylum = decided(draft.asylum, CaseView.Decision.DENIED, e.date());
            case RefugeeAdmitted e -> {
                draft.refugeeAdmittedOn = e.date();
                draft.pathways.add(Pathway.REFUGEE_ADJUSTMENT);
            }
            case TpsApplied e -> {
                draft.tps = new CaseView.Tps(e.country(), e.filedOn(), null, null);
                draft.pathways.add(Pathway.TPS);
                draft.receipt(e.receiptNumber());
            }
            case TpsGranted e -> draft.tps = draft.tps == null ? null
                    : new CaseView.Tps(draft.tps.country(), draft.tps.filedOn(), e.date(), e.validUntil());
            case AdjustmentFiled e -> {
                draft.adjustment = new CaseView.Adjustment(e.filedOn(), e.basis());
                if (e.basis() == AdjustmentBasis.REFUGEE) {
                    draft.pathways.add(Pathway.REFUGEE_ADJUSTMENT);
                } else if (e.basis() == AdjustmentBasis.ASYLEE) {
                    draft.pathways.add(Pathway.ASYLEE_ADJUSTMENT);
                }
                draft.receipt(e.receiptNumber());
            }
            case RfeReceived e -> draft.rfes.add(new CaseView.Rfe(e.rfeId(), e.filing(), e.receivedOn(), e.respondBy(), null));
            case RfeAnswered e -> draft.rfes.replaceAll(rfe -> rfe.rfeId().equals(e.rfeId())
                    ? new CaseView.Rfe(rfe.rfeId(), rfe.filing(), rfe.receivedOn(), rfe.respondBy(), e.answeredOn())
                    : rfe);
            case EligibilityAssessed e -> draft.eligibility = new CaseView.Eligibility(e.assessmentId(), e.assessedAt(),
                    e.assessment().asOf(), e.assessment().ruleSetVersion(), List.copyOf(e.assessment().pathways()),
                    List.copyOf(e.assessment().warnings()), List.copyOf(e.assessment().deadlines()));
            default -> {
                // notes and the reminders a deadline records change nothing shown here but the version
            }
        }
        return draft.toView();
    }

    /** The case as a sequence of events leaves it; {@code null} when they do not start with its opening. */
    public static @Nullable CaseView fold(Iterable<FoldedEvent> events) {
        CaseView view = null;
        for (FoldedEvent event : events) {
            view = apply(view, event.event(), event.sequence(), event.occurredAt());
            if (view == null) {
                return null;
            }
        }
        return view;
    }

    public record FoldedEvent(CaseEvent event, long sequence, Instant occurredAt) {
    }

    private static CaseView opened(CaseOpened e, long sequence, Instant occurredAt) {
        return new CaseView(e.caseId().value(), e.caseNumber(), client(e.client()), e.lastArrivalDate(), e.unaccompaniedMinor(),
                CaseView.OPEN, null, sequence, occurredAt, occurredAt, null, List.of(), List.of(), null, null, null, null,
                null, null, null, null, List.of(), null);
    }

    private static CaseView.ClientView client(org.haven.cases.domain.Client client) {
        return new CaseView.ClientView(client.givenName(), client.familyName(), client.dateOfBirth(),
                client.countryOfNationality(), client.preferredLanguage());
    }

    private static CaseView.@Nullable Asylum decided(CaseView.@Nullable Asylum asylum, CaseView.Decision decision, LocalDate on) {
        return asylum == null ? null : new CaseView.Asylum(asylum.filedOn(), asylum.kind(), false, false, null, null, decision, on);
    }

    /** The view being changed by one event; lists are copies, so the view folded from stays as it was. */
    private static final class Draft {
        private final CaseView from;
        private CaseView.ClientView client;
        private @Nullable LocalDate lastArrivalDate;
        private boolean unaccompaniedMinor;
        private String status;
        private @Nullable String assignee;
        private long version;
        private Instant updatedAt;
        private CaseView.@Nullable Closure closure;
        private final Set<Pathway> pathways = EnumSet.noneOf(Pathway.class);
        private final List<String> receiptNumbers;
        private CaseView.@Nullable Entry lastEntry;
        private CaseView.@Nullable Departure lastDeparture;
        private CaseView.@Nullable Parole parole;
        private CaseView.@Nullable Asylum asylum;
        private CaseView.@Nullable Ead ead;
        private CaseView.@Nullable Tps tps;
        private @Nullable LocalDate refugeeAdmittedOn;
        private CaseView.@Nullable Adjustment adjustment;
        private final List<CaseView.Rfe> rfes;
        private CaseView.@Nullable Eligibility eligibility;

        Draft(CaseView view) {
            from = view;
            client = view.client();
            lastArrivalDate = view.lastArrivalDate();
            unaccompaniedMinor = view.unaccompaniedMinor();
            status = view.status();
            assignee = view.assignee();
            version = view.version();
            updatedAt = view.updatedAt();
            closure = view.closure();
            pathways.addAll(view.pathways());
            receiptNumbers = new ArrayList<>(view.receiptNumbers());
            lastEntry = view.lastEntry();
            lastDeparture = view.lastDeparture();
            parole = view.parole();
            asylum = view.asylum();
            ead = view.ead();
            tps = view.tps();
            refugeeAdmittedOn = view.refugeeAdmittedOn();
            adjustment = view.adjustment();
            rfes = new ArrayList<>(view.rfes());
            eligibility = view.eligibility();
        }

        void receipt(@Nullable String receiptNumber) {
            if (receiptNumber != null && !receiptNumber.isBlank() && !receiptNumbers.contains(receiptNumber)) {
                receiptNumbers.add(receiptNumber);
            }
        }

        CaseView toView() {
            return new CaseView(from.id(), from.caseNumber(), client, lastArrivalDate, unaccompaniedMinor, status, assignee,
                    version, from.openedAt(), updatedAt, closure, List.copyOf(pathways), List.copyOf(receiptNumbers),
                    lastEntry, lastDeparture, parole, asylum, ead, tps, refugeeAdmittedOn, adjustment, List.copyOf(rfes),
                    eligibility);
        }
    }
}
