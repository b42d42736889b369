package org.haven.cases.write;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.parole.DenyParole;
import org.haven.cases.domain.parole.GrantParole;
import org.haven.cases.domain.parole.RequestParole;
import org.haven.cases.domain.parole.TerminateParole;
import org.haven.events.vocabulary.FeeExemption;
import org.haven.events.vocabulary.ParoleBasis;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.ParoleUrgency;
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

/** The parole facts of a case, one resource each; every POST records exactly one event. */
@RestController
class ParoleController {

    private final CaseWrites writes;

    ParoleController(CaseWrites writes) {
        this.writes = writes;
    }

    @PostMapping("/api/cases/{caseId}/parole-requests")
    ResponseEntity<WriteResult> requestParole(@PathVariable UUID caseId, @Valid @RequestBody RequestParoleRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new RequestParole(new CaseId(caseId), request.filedOn(), request.kind(), request.basis(), request.urgency(), request.feeExemption(), request.receiptNumber()), headers);
    }

    @PostMapping("/api/cases/{caseId}/parole-grants")
    ResponseEntity<WriteResult> grantParole(@PathVariable UUID caseId, @Valid @RequestBody GrantParoleRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new GrantParole(new CaseId(caseId), request.grantedOn(), request.validUntil(), request.program(), request.feeExemption(), request.receiptNumber()), headers);
    }

    @PostMapping("/api/cases/{caseId}/parole-denials")
    ResponseEntity<WriteResult> denyParole(@PathVariable UUID caseId, @Valid @RequestBody DenyParoleRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new DenyParole(new CaseId(caseId), request.date()), headers);
    }

    @PostMapping("/api/cases/{caseId}/parole-terminations")
    ResponseEntity<WriteResult> terminateParole(@PathVariable UUID caseId, @Valid @RequestBody TerminateParoleRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new TerminateParole(new CaseId(caseId), request.date()), headers);
    }

    record RequestParoleRequest(
            @NotNull LocalDate filedOn,
            @NotNull ParoleKind kind,
            @NotNull ParoleBasis basis,
            @NotNull ParoleUrgency urgency,
            @Nullable FeeExemption feeExemption,
            @Nullable @Pattern(regexp = "[A-Z]{3}[0-9]{10}", message = "must be three letters and ten digits, e.g. IOE0912345678") String receiptNumber) {
    }

    record GrantParoleRequest(
            @NotNull LocalDate grantedOn,
            @NotNull LocalDate validUntil,
            @Nullable @Size(max = 100) String program,
            @Nullable FeeExemption feeExemption,
            @Nullable @Pattern(regexp = "[A-Z]{3}[0-9]{10}", message = "must be three letters and ten digits, e.g. IOE0912345678") String receiptNumber) {
    }

    record DenyParoleRequest(
            @NotNull LocalDate date) {
    }

    record TerminateParoleRequest(
            @NotNull LocalDate date) {
    }
}
