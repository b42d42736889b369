package org.haven.cases.read;

import org.haven.support.identity.HavenIdentity;
import org.haven.support.problem.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
class CaseQueryController {

    private final CaseQueries cases;

    CaseQueryController(CaseQueries cases) {
        this.cases = cases;
    }

    @GetMapping("/api/cases/{caseId}")
    ResponseEntity<CaseView> get(@PathVariable UUID caseId) {
        CaseView view = cases.find(HavenIdentity.current().organizationId(), caseId)
                .orElseThrow(() -> new NotFoundException("No case " + caseId));
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }
}
