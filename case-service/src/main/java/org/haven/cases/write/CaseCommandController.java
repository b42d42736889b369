package org.haven.cases.write;

import jakarta.validation.Valid;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.intake.OpenCase;
import org.haven.support.identity.HavenIdentity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Opening a case: {@code POST /api/cases}. */
@RestController
class CaseCommandController {

    private final CaseWrites writes;
    private final CaseNumbers caseNumbers;

    CaseCommandController(CaseWrites writes, CaseNumbers caseNumbers) {
        this.writes = writes;
        this.caseNumbers = caseNumbers;
    }

    @PostMapping("/api/cases")
    ResponseEntity<WriteResult> open(@Valid @RequestBody OpenCaseRequest request, @RequestHeader HttpHeaders headers) {
        OpenCase command = new OpenCase(CaseId.newId(), HavenIdentity.current().organizationId(), caseNumbers.next(),
                request.client().toClient(), request.lastArrivalDate(), Boolean.TRUE.equals(request.unaccompaniedMinor()));
        return writes.open(command, headers);
    }
}
