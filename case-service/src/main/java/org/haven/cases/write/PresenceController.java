package org.haven.cases.write;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.presence.RecordDeparture;
import org.haven.cases.domain.presence.RecordEntry;
import org.haven.events.vocabulary.EntryManner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/** The presence facts of a case, one resource each; every POST records exactly one event. */
@RestController
class PresenceController {

    private final CaseWrites writes;

    PresenceController(CaseWrites writes) {
        this.writes = writes;
    }

    @PostMapping("/api/cases/{caseId}/entries")
    ResponseEntity<WriteResult> recordEntry(@PathVariable UUID caseId, @Valid @RequestBody RecordEntryRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new RecordEntry(new CaseId(caseId), request.date(), request.manner()), headers);
    }

    @PostMapping("/api/cases/{caseId}/departures")
    ResponseEntity<WriteResult> recordDeparture(@PathVariable UUID caseId, @Valid @RequestBody RecordDepartureRequest request,
                                            @RequestHeader HttpHeaders headers) {
        return writes.record(new RecordDeparture(new CaseId(caseId), request.date(), request.advanceParole()), headers);
    }

    record RecordEntryRequest(
            @NotNull LocalDate date,
            @NotNull EntryManner manner) {
    }

    record RecordDepartureRequest(
            @NotNull LocalDate date,
            @NotNull Boolean advanceParole) {
    }
}
