package org.haven.notifications.casefile;

import org.haven.notifications.policy.CaseContext;
import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * One case as notification-service knows it.
 *
 * @param preferredLanguage the client's language (not the caseworker's): shown with the notification so that
 *                          the caseworker knows how to reach the client; templates use the reader's language
 */
public record CaseFile(UUID caseId, String organizationId, @Nullable String assignee,
                       @Nullable String preferredLanguage, boolean asylumPending) {

    public CaseContext context() {
        return new CaseContext(assignee, asylumPending);
    }
}
