package org.haven.cases.write;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.adjustment.FileAdjustment;
import org.haven.events.vocabulary.AdjustmentBasis;
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

/** The adjustment facts of a case, one resource each; every POST records exactly one event. */
@RestController
class AdjustmentController {

    private final CaseWrites writes;

    AdjustmentController(CaseWrites writes) {
        this.writes = writes;
    }

    @PostMapping("/api/cases/{caseId}/adjustment-applications")
    ResponseEntity<WriteResult> fileAdjustment(@PathVariable UUID caseId, @Valid @RequestBody FileAdjustmentRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new FileAdjustment(new CaseId(caseId), request.filedOn(), request.basis(), request.receiptNumber()), headers);
    }

    record FileAdjustmentRequest(
            @NotNull LocalDate filedOn,
            @NotNull AdjustmentBasis basis,
            @Nullable @Pattern(regexp = "[A-Z]{3}[0-9]{10}", message = "must be three letters and ten digits, e.g. IOE0912345678") String receiptNumber) {
    }
}
