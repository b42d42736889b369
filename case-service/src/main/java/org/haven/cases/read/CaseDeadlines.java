package org.haven.cases.read;

import org.haven.events.Assessment;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.ParoleKind;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The status of a case's computed deadlines (those of its latest {@code EligibilityAssessed}). Pure.
 *
 * <ul>
 *   <li><b>Action deadlines</b> ask for something to be done by the date: {@code ASYLUM_ONE_YEAR},
 *       {@code RFE_RESPONSE_DUE}, {@code TPS_REGISTRATION_ENDS}, {@code REPAROLE_RECOMMENDED_BY},
 *       {@code ANNUAL_ASYLUM_FEE_DUE}. One is {@code MET} once the case records it done on or before its
 *       date: an {@code AsylumFiled}, an {@code RfeAnswered} for the RFE whose respond-by date it is, a
 *       {@code TpsApplied}, a re-parole {@code ParoleRequested} (the latest request). A fee payment is not an
 *       event yet, so the annual fee is never met. Past and not met, an action deadline is {@code OVERDUE}.</li>
 *   <li><b>Dates</b> (every other type: expiries, windows that open, presence thresholds) are never met;
 *       once past they are {@code PASSED}, not overdue — nothing was missed by a window opening.</li>
 *   <li>Otherwise {@code DUE_TODAY} on the date and {@code UPCOMING} before it. "Today" is the date in the
 *       service's deadline zone ({@code haven.deadlines.zone}).</li>
 * </ul>
 */
public final class CaseDeadlines {

    public enum Status { UPCOMING, DUE_TODAY, OVERDUE, PASSED, MET }

    private static final Set<DeadlineType> ACTIONS = EnumSet.of(DeadlineType.ASYLUM_ONE_YEAR, DeadlineType.RFE_RESPONSE_DUE,
            DeadlineType.TPS_REGISTRATION_ENDS, DeadlineType.REPAROLE_RECOMMENDED_BY, DeadlineType.ANNUAL_ASYLUM_FEE_DUE);

    private CaseDeadlines() {
    }

    /** A computed deadline with what the case's history says about it. */
    public record Tracked(DeadlineType type, LocalDate dueOn, String ruleId, String citation, boolean action,
                          @Nullable LocalDate metOn) {
    }

    /** The case's deadlines, soonest first; none before its first assessment. */
    public static List<Tracked> of(CaseView view) {
        if (view.eligibility() == null) {
            return List.of();
        }
        return view.eligibility().deadlines().stream()
                .map(deadline -> new Tracked(deadline.type(), deadline.dueOn(), deadline.ruleId(), deadline.citation(),
                        isAction(deadline.type()), metOn(deadline, view)))
                .sorted(Comparator.comparing(Tracked::dueOn).thenComparing(Tracked::type))
                .toList();
    }

    public static boolean isAction(DeadlineType type) {
        return ACTIONS.contains(type);
    }

    public static Status status(Tracked deadline, LocalDate today) {
        if (deadline.metOn() != null) {
            return Status.MET;
        }
        if (deadline.dueOn().isBefore(today)) {
            return deadline.action() ? Status.OVERDUE : Status.PASSED;
        }
        return deadline.dueOn().equals(today) ? Status.DUE_TODAY : Status.UPCOMING;
    }

    static @Nullable LocalDate metOn(Assessment.Deadline deadline, CaseView view) {
        LocalDate dueOn = deadline.dueOn();
        LocalDate done = switch (deadline.type()) {
            case ASYLUM_ONE_YEAR -> view.asylum() == null ? null : view.asylum().filedOn();
            case TPS_REGISTRATION_ENDS -> view.tps() == null ? null : view.tps().filedOn();
            case REPAROLE_RECOMMENDED_BY -> view.parole() != null && view.parole().kind() == ParoleKind.RE_PAROLE
                    ? view.parole().requestedOn() : null;
            case RFE_RESPONSE_DUE -> view.rfes().stream()
                    .filter(rfe -> rfe.respondBy().equals(dueOn) && rfe.answeredOn() != null)
                    .map(CaseView.Rfe::answeredOn)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            default -> null;
        };
        return done != null && !done.isAfter(dueOn) ? done : null;
    }
}
