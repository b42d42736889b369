package org.haven.cases.write;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.rfe.AnswerRfe;
import org.haven.cases.domain.rfe.RecordRfe;
import org.haven.events.vocabulary.Filing;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/** The rfe facts of a case, one resource each; every POST records exactly one event. */
@RestController
class RfeController {

    private final CaseWrites writes;

    RfeController(CaseWrites writes) {
        this.writes = writes;
    }

    @PostMapping("/api/cases/{caseId}/rfes")
    ResponseEntity<WriteResult> recordRfe(@PathVariable UUID caseId, @Valid @RequestBody RecordRfeRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new RecordRfe(new CaseId(caseId), UUID.randomUUID(), request.filing(), request.receivedOn(), request.respondBy()), headers);
    }

    @PostMapping("/api/cases/{caseId}/rfes/{rfeId}/answers")
    ResponseEntity<WriteResult> answerRfe(@PathVariable UUID caseId, @PathVariable UUID rfeId, @Valid @RequestBody AnswerRfeRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new AnswerRfe(new CaseId(caseId), rfeId, request.answeredOn()), headers);
    }

    record RecordRfeRequest(
            @NotNull Filing filing,
            @NotNull LocalDate receivedOn,
            @NotNull LocalDate respondBy) {
    }

    record AnswerRfeRequest(
            @NotNull LocalDate answeredOn) {
    }
}
