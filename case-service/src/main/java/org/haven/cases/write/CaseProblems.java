package org.haven.cases.write;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.haven.cases.domain.CaseNotFound;
import org.haven.cases.domain.CaseRuleViolation;
import org.haven.cases.domain.StaleVersion;
import org.haven.support.problem.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the case's own refusals are answered; everything else falls through to {@link ProblemDetailsAdvice}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblems {

    @ExceptionHandler(CaseRuleViolation.class)
    ProblemDetail ruleViolated(CaseRuleViolation e) {
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({CaseNotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "No such case");
    }

    /** {@link OlderCopyOfCase} here has outlasted its retries: the case as stored is not at the client's version either. */
    @ExceptionHandler({StaleVersion.class, OlderCopyOfCase.class})
    ProblemDetail stale(RuntimeException e) {
        return ProblemDetailsAdvice.problem(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    }

    /**
     * Two writes raced on one case across instances; this one lost and wrote nothing. Axon reports a lost connection
     * during the append the same way (its resolver cannot tell), so that is answered as the outage it is.
     */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> raced(ConcurrencyException e) {
        if (ProblemDetailsAdvice.databaseUnavailable(e)) {
            return ProblemDetailsAdvice.databaseUnavailableAnswer(e);
        }
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "The case changed at the same moment; retry the request"));
    }

    @ExceptionHandler(IdempotentRequests.IdempotencyKeyReused.class)
    ProblemDetail keyReused(IdempotentRequests.IdempotencyKeyReused e) {
        return ProblemDetailsAdvice.problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
}
