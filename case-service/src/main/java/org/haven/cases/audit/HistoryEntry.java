package org.haven.cases.audit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** One event of a case's history, as {@code GET /api/cases/{id}/history} shows it. */
public record HistoryEntry(
        long sequence,
        String type,
        Instant occurredAt,
        @Nullable String actor,
        JsonNode payload) {
}
