package org.haven.cases.write;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.asylum.DenyAsylum;
import org.haven.cases.domain.asylum.FileAsylum;
import org.haven.cases.domain.asylum.GrantAsylum;
import org.haven.cases.domain.asylum.ResumeAsylumClock;
import org.haven.cases.domain.asylum.StopAsylumClock;
import org.haven.events.vocabulary.AsylumKind;
import org.haven.events.vocabulary.ClockStopReason;
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

/** The asylum facts of a case, one resource each; every POST records exactly one event. */
@RestController
class AsylumController {

    private final CaseWrites writes;

    AsylumController(CaseWrites writes) {
        this.writes = writes;
    }

    @PostMapping("/api/cases/{caseId}/asylum-applications")
    ResponseEntity<WriteResult> fileAsylum(@PathVariable UUID caseId, @Valid @RequestBody FileAsylumRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new FileAsylum(new CaseId(caseId), request.filedOn(), request.kind() == null ? AsylumKind.AFFIRMATIVE : request.kind(), request.receiptNumber()), headers);
    }

    @PostMapping("/api/cases/{caseId}/asylum-clock-stops")
    ResponseEntity<WriteResult> stopAsylumClock(@PathVariable UUID caseId, @Valid @RequestBody StopAsylumClockRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new StopAsylumClock(new CaseId(caseId), request.date(), request.reason()), headers);
    }

    @PostMapping("/api/cases/{caseId}/asylum-clock-resumptions")
    ResponseEntity<WriteResult> resumeAsylumClock(@PathVariable UUID caseId, @Valid @RequestBody ResumeAsylumClockRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new ResumeAsylumClock(new CaseId(caseId), request.date()), headers);
    }

    @PostMapping("/api/cases/{caseId}/asylum-grants")
    ResponseEntity<WriteResult> grantAsylum(@PathVariable UUID caseId, @Valid @RequestBody GrantAsylumRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new GrantAsylum(new CaseId(caseId), request.date()), headers);
    }

    @PostMapping("/api/cases/{caseId}/asylum-denials")
    ResponseEntity<WriteResult> denyAsylum(@PathVariable UUID caseId, @Valid @RequestBody DenyAsylumRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new DenyAsylum(new CaseId(caseId), request.date()), headers);
    }

    record FileAsylumRequest(
            @NotNull LocalDate filedOn,
            @Nullable AsylumKind kind,
            @Nullable @Pattern(regexp = "[A-Z]{3}[0-9]{10}", message = "must be three letters and ten digits, e.g. IOE0912345678") String receiptNumber) {
    }

    record StopAsylumClockRequest(
            @NotNull LocalDate date,
            @NotNull ClockStopReason reason) {
    }

    record ResumeAsylumClockRequest(
            @NotNull LocalDate date) {
    }

    record GrantAsylumRequest(
            @NotNull LocalDate date) {
    }

    record DenyAsylumRequest(
            @NotNull LocalDate date) {
    }
}
