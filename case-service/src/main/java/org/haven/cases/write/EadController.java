package org.haven.cases.write;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.ead.ApproveEad;
import org.haven.cases.domain.ead.DenyEad;
import org.haven.cases.domain.ead.FileEad;
import org.haven.events.vocabulary.EadCategory;
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

/** The ead facts of a case, one resource each; every POST records exactly one event. */
@RestController
class EadController {

    private final CaseWrites writes;

    EadController(CaseWrites writes) {
        this.writes = writes;
    }

    @PostMapping("/api/cases/{caseId}/ead-applications")
    ResponseEntity<WriteResult> fileEad(@PathVariable UUID caseId, @Valid @RequestBody FileEadRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new FileEad(new CaseId(caseId), request.category(), request.filedOn(), request.renewal(), request.receiptNumber()), headers);
    }

    @PostMapping("/api/cases/{caseId}/ead-approvals")
    ResponseEntity<WriteResult> approveEad(@PathVariable UUID caseId, @Valid @RequestBody ApproveEadRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new ApproveEad(new CaseId(caseId), request.validFrom(), request.validUntil()), headers);
    }

    @PostMapping("/api/cases/{caseId}/ead-denials")
    ResponseEntity<WriteResult> denyEad(@PathVariable UUID caseId, @Valid @RequestBody DenyEadRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new DenyEad(new CaseId(caseId), request.date()), headers);
    }

    record FileEadRequest(
            @NotNull EadCategory category,
            @NotNull LocalDate filedOn,
            @NotNull Boolean renewal,
            @Nullable @Pattern(regexp = "[A-Z]{3}[0-9]{10}", message = "must be three letters and ten digits, e.g. IOE0912345678") String receiptNumber) {
    }

    record ApproveEadRequest(
            @NotNull LocalDate validFrom,
            @NotNull LocalDate validUntil) {
    }

    record DenyEadRequest(
            @NotNull LocalDate date) {
    }
}
