package org.haven.cases.read;

import org.haven.support.identity.HavenIdentity;
import org.haven.support.identity.Role;
import org.haven.support.problem.InvalidFieldException;
import org.haven.support.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * The case list and one case, from the projection; {@code ?asOf=} rebuilds the case from its history instead.
 * Every role of the organization reads the list and the current case; the as-of view is an audit read
 * (AUDITOR, CASEWORKER, ADMIN). Another organization's case is a 404.
 */
@RestController
class CaseQueryController {

    private final CaseQueries cases;
    private final CaseAsOf asOf;

    CaseQueryController(CaseQueries cases, CaseAsOf asOf) {
        this.cases = cases;
        this.asOf = asOf;
    }

    @GetMapping("/api/cases")
    CaseListItem.Page list(@RequestParam(required = false) @Nullable String status,
                           @RequestParam(required = false) @Nullable String assignee,
                           @RequestParam(required = false) @Nullable String q,
                           @RequestParam(required = false) @Nullable String pathway,
                           @RequestParam(required = false) @Nullable String limit,
                           @RequestParam(required = false) @Nullable String cursor) {
        CaseListQuery query = CaseListQuery.parse(status, assignee, q, pathway, limit, cursor);
        return cases.list(HavenIdentity.current().organizationId(), query);
    }

    @GetMapping("/api/cases/{caseId}")
    ResponseEntity<CaseView> get(@PathVariable UUID caseId, @RequestParam(required = false) @Nullable String asOf) {
        HavenIdentity identity = HavenIdentity.current();
        if (asOf != null) {
            if (!(identity.has(Role.AUDITOR) || identity.has(Role.CASEWORKER) || identity.has(Role.ADMIN))) {
                throw new AccessDeniedException("Reading a case as of an instant is an audit read");
            }
            Instant instant = instant(asOf);
            return ResponseEntity.ok(this.asOf.rebuild(identity.organizationId(), caseId, instant)
                    .orElseThrow(() -> new NotFoundException("No case " + caseId + " at " + instant)));
        }
        CaseView view = cases.find(identity.organizationId(), caseId)
                .orElseThrow(() -> new NotFoundException("No case " + caseId));
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidFieldException("asOf", "must be an ISO instant, e.g. 2026-01-05T10:00:00Z");
        }
    }
}
