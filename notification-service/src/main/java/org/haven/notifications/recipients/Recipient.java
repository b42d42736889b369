package org.haven.notifications.recipients;

import org.haven.notifications.templates.Language;

/**
 * A person notifications are addressed to.
 *
 * @param userId   as in the identity token's subject and in {@code CaseAssigned.assignee}, e.g. {@code user:caseworker-a}
 * @param language the language the person reads notifications in, email and in-app alike
 */
public record Recipient(String organizationId, String userId, String email, Language language) {
}
