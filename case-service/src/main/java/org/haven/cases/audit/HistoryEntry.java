package org.haven.cases.audit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event of a case's history, as {@code GET /api/cases/{id}/history} shows it, with the hash chain from the
 * event's metadata. {@code payload} is {@code null} for a stored event that no longer reads (verification
 * reports it).
 */
public record HistoryEntry(
        long sequence,
        String type,
        Instant occurredAt,
        @Nullable String actor,
        @Nullable JsonNode payload,
        @Nullable String hash,
        @Nullable String previousHash) {
}
