package org.haven.eligibility.screening;

import org.haven.eligibility.assessment.Assessor;
import org.haven.events.Assessment;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.problem.ProblemDetailsAdvice;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;

/**
 * {@code POST /api/eligibility/screenings}: assesses a hypothetical history as of {@code asOf} (default today) with
 * the rules in force then. Any role of the organization may screen; nothing is stored.
 */
@RestController
class ScreeningController {

    private final Assessor assessor;
    private final Clock clock;

    ScreeningController(Assessor assessor, Clock clock) {
        this.assessor = assessor;
        this.clock = clock;
    }

    @PostMapping("/api/eligibility/screenings")
    Assessment screen(@RequestBody JsonNode request) {
        if (HavenIdentity.current().roles().isEmpty()) {
            throw new AccessDeniedException("No role");
        }
        Screening screening = ScreeningReader.read(request, LocalDate.now(clock));
        return assessor.assess(screening.history(), screening.asOf());
    }

    @ExceptionHandler(InvalidScreeningException.class)
    ProblemDetail invalid(InvalidScreeningException e) {
        return ProblemDetailsAdvice.badRequest("The screening request has invalid fields", e.errors());
    }
}
