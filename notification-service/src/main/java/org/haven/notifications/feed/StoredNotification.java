package org.haven.notifications.feed;

import org.haven.notifications.policy.Notice;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification as written: its notice (keys and facts, not text — text is rendered for each reader in the
 * reader's language), the case, and the caseworker it was addressed to.
 *
 * @param recipient      the case's assignee when the event was handled; null when the case had none
 * @param clientLanguage the client's preferred language, so that the caseworker knows how to reach the client
 */
public record StoredNotification(UUID id, String organizationId, UUID caseId, UUID eventId, Notice notice,
                                 @Nullable String recipient, @Nullable String clientLanguage, Instant createdAt) {
}
