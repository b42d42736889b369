package org.haven.cases.read;

import org.haven.cases.domain.deadlines.DeadlineCalendar;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.problem.InvalidFieldException;
import org.haven.support.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

/**
 * Computed deadlines with their status ({@link CaseDeadlines}): one case's, and the organization's due within a
 * period. Every role of the organization may read them.
 */
@RestController
class DeadlineQueryController {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    private final CaseQueries cases;
    private final DeadlineCalendar calendar;

    DeadlineQueryController(CaseQueries cases, DeadlineCalendar calendar) {
        this.cases = cases;
        this.calendar = calendar;
    }

    @GetMapping("/api/cases/{caseId}/deadlines")
    List<DeadlineView> ofCase(@PathVariable UUID caseId) {
        CaseView view = cases.find(HavenIdentity.current().organizationId(), caseId)
                .orElseThrow(() -> new NotFoundException("No case " + caseId));
        LocalDate today = today();
        return CaseDeadlines.of(view).stream().map(deadline -> DeadlineView.of(deadline, today)).toList();
    }

    /** Due from today through today + {@code within} (default 30 days), and the overdue ones; soonest first. */
    @GetMapping("/api/deadlines")
    List<DeadlineView.OfCase> ofOrganization(@RequestParam(required = false) @Nullable String within,
                                             @RequestParam(required = false) @Nullable String limit) {
        LocalDate today = today();
        LocalDate until = until(today, within == null ? "P30D" : within);
        return cases.deadlines(HavenIdentity.current().organizationId(), today, until, limit(limit));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(calendar.now(), calendar.zone());
    }

    private static LocalDate until(LocalDate today, String within) {
        try {
            Period period = Period.parse(within);
            if (!period.isNegative()) {
                return today.plus(period);
            }
        } catch (DateTimeException | ArithmeticException e) {
            // answered below
        }
        throw new InvalidFieldException("within", "must be a non-negative ISO period of days, weeks, months or years, e.g. P30D");
    }

    private static int limit(@Nullable String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
