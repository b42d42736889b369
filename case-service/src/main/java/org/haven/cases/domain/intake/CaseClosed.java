package org.haven.cases.domain.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.jspecify.annotations.Nullable;

/**
 * Revision 2 adds an optional structured {@link Code} beside the free-text reason, for reporting on why cases
 * close. Revision-1 closures are read through {@code CaseClosedUpcaster} with no code: it is never guessed from
 * the text. An absent code is left out of the JSON, so a revision-1 event hashes exactly as it did when it was
 * recorded and the case's hash chain still verifies.
 */
@Revision("2")
public record CaseClosed(
        CaseId caseId,
        String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Code code) implements CaseEvent {

    @JsonCreator
    public CaseClosed {
    }

    /** A closure without a code (every closure recorded before codes existed, and any the caller did not code). */
    public CaseClosed(CaseId caseId, String reason) {
        this(caseId, reason, null);
    }

    public enum Code { GRANTED, DENIED, WITHDRAWN, TRANSFERRED, CLIENT_UNREACHABLE, DUPLICATE, OTHER }
}
