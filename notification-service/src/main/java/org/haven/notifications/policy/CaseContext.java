package org.haven.notifications.policy;

import org.jspecify.annotations.Nullable;

/**
 * What a policy may need to know about the case beyond the event itself, as notification-service has
 * tracked it from earlier events of the case.
 *
 * @param assignee      the caseworker's user id, if the case is assigned
 * @param asylumPending whether an asylum application was filed and not yet decided
 */
public record CaseContext(@Nullable String assignee, boolean asylumPending) {

    public static final CaseContext UNKNOWN = new CaseContext(null, false);
}
