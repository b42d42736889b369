package org.haven.cases.write;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.tps.ApplyForTps;
import org.haven.cases.domain.tps.GrantTps;
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

/** The tps facts of a case, one resource each; every POST records exactly one event. */
@RestController
class TpsController {

    private final CaseWrites writes;

    TpsController(CaseWrites writes) {
        this.writes = writes;
    }

    @PostMapping("/api/cases/{caseId}/tps-applications")
    ResponseEntity<WriteResult> applyForTps(@PathVariable UUID caseId, @Valid @RequestBody ApplyForTpsRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new ApplyForTps(new CaseId(caseId), request.country(), request.filedOn(), request.receiptNumber()), headers);
    }

    @PostMapping("/api/cases/{caseId}/tps-grants")
    ResponseEntity<WriteResult> grantTps(@PathVariable UUID caseId, @Valid @RequestBody GrantTpsRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new GrantTps(new CaseId(caseId), request.date(), request.validUntil()), headers);
    }

    record ApplyForTpsRequest(
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as SV") String country,
            @NotNull LocalDate filedOn,
            @Nullable @Pattern(regexp = "[A-Z]{3}[0-9]{10}", message = "must be three letters and ten digits, e.g. IOE0912345678") String receiptNumber) {
    }

    record GrantTpsRequest(
            @NotNull LocalDate date,
            @NotNull LocalDate validUntil) {
    }
}
