package org.haven.cases.write;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.refugee.AdmitRefugee;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/** The refugee facts of a case, one resource each; every POST records exactly one event. */
@RestController
class RefugeeController {

    private final CaseWrites writes;

    RefugeeController(CaseWrites writes) {
        this.writes = writes;
    }

    @PostMapping("/api/cases/{caseId}/refugee-admissions")
    ResponseEntity<WriteResult> admitRefugee(@PathVariable UUID caseId, @Valid @RequestBody AdmitRefugeeRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new AdmitRefugee(new CaseId(caseId), request.date()), headers);
    }

    record AdmitRefugeeRequest(
            @NotNull LocalDate date) {
    }
}
