package org.haven.deploy.fuzz;

import java.util.List;

/**
 * One operation of the public API through the gateway.
 *
 * @param template path with {@code {caseId}}, {@code {rfeId}}, {@code {webhookId}}, {@code {replayId}},
 *                 {@code {notificationId}}, {@code {deadLetterId}} placeholders
 * @param apiKey   the dev API key with the role the operation needs; null for none (public)
 * @param body     the request body's fields, null when the operation takes no body
 * @param query    its query parameters
 * @param effect   what an accepted request changes, which tells the fuzzer how to check that a refused one changed nothing
 */
record Endpoint(String method, String template, String apiKey, List<Field> body, List<Field> query, Effect effect) {

    enum Effect {
        /** reads only */ NONE,
        /** records exactly one event on the case in the path */ CASE_EVENT,
        /** opens a case: one CaseOpened */ OPEN_CASE,
        /** adds a webhook subscription */ WEBHOOK_CREATE,
        /** deletes a webhook subscription */ WEBHOOK_DELETE,
        /** replaces the organization's notification preferences */ PREFERENCES,
        /** starts a projection rebuild */ REPLAY,
        /** marks a notification read for the caller */ MARK_READ,
        /** sends a dead letter again */ REDELIVER,
        /** computes without storing (screenings) */ COMPUTE
    }

    String name() {
        return method + " " + template;
    }

    boolean hasBody() {
        return body != null;
    }
}
