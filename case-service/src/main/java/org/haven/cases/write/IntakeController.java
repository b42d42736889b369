package org.haven.cases.write;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.intake.AddNote;
import org.haven.cases.domain.intake.AssignCase;
import org.haven.cases.domain.intake.CloseCase;
import org.haven.cases.domain.intake.CorrectClientDetails;
import org.haven.cases.domain.intake.ReopenCase;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/** The intake facts of a case, one resource each; every POST records exactly one event. */
@RestController
class IntakeController {

    private final CaseWrites writes;

    IntakeController(CaseWrites writes) {
        this.writes = writes;
    }

    @PostMapping("/api/cases/{caseId}/client-corrections")
    ResponseEntity<WriteResult> correctClientDetails(@PathVariable UUID caseId, @Valid @RequestBody CorrectClientDetailsRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new CorrectClientDetails(new CaseId(caseId), request.client().toClient(), request.lastArrivalDate(), Boolean.TRUE.equals(request.unaccompaniedMinor())), headers);
    }

    @PostMapping("/api/cases/{caseId}/assignments")
    ResponseEntity<WriteResult> assignCase(@PathVariable UUID caseId, @Valid @RequestBody AssignCaseRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new AssignCase(new CaseId(caseId), request.assignee()), headers);
    }

    @PostMapping("/api/cases/{caseId}/notes")
    ResponseEntity<WriteResult> addNote(@PathVariable UUID caseId, @Valid @RequestBody AddNoteRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new AddNote(new CaseId(caseId), UUID.randomUUID(), request.text()), headers);
    }

    @PostMapping("/api/cases/{caseId}/closures")
    ResponseEntity<WriteResult> closeCase(@PathVariable UUID caseId, @Valid @RequestBody CloseCaseRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new CloseCase(new CaseId(caseId), request.reason()), headers);
    }

    @PostMapping("/api/cases/{caseId}/reopenings")
    ResponseEntity<WriteResult> reopenCase(@PathVariable UUID caseId, @Valid @RequestBody ReopenCaseRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new ReopenCase(new CaseId(caseId), request.reason()), headers);
    }

    record CorrectClientDetailsRequest(
            @NotNull @Valid ClientRequest client,
            @Nullable LocalDate lastArrivalDate,
            @Nullable Boolean unaccompaniedMinor) {
    }

    record AssignCaseRequest(
            @NotBlank @Size(max = 200) String assignee) {
    }

    record AddNoteRequest(
            @NotBlank @Size(max = 10000) String text) {
    }

    record CloseCaseRequest(
            @NotBlank @Size(max = 2000) String reason) {
    }

    record ReopenCaseRequest(
            @NotBlank @Size(max = 2000) String reason) {
    }
}
