package org.haven.cases.read;

import org.haven.events.vocabulary.Pathway;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One case in {@code GET /api/cases}; the detail is at {@code GET /api/cases/{id}}. */
public record CaseListItem(UUID id, String caseNumber, ClientName client, String status, @Nullable String assignee,
                           List<Pathway> pathways, List<String> receiptNumbers, long version, Instant openedAt,
                           Instant updatedAt) {

    public record ClientName(String givenName, String familyName) {
    }

    /** A page of cases; {@code nextCursor} continues after its last item and is {@code null} on the last page. */
    public record Page(List<CaseListItem> items, @Nullable String nextCursor) {
    }
}
