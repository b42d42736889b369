package org.haven.notifications.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * {@code POST /api/webhooks}.
 *
 * @param eventTypes the case event types to be told of, among those that give notifications (e.g. {@code ParoleExpiring})
 */
public record WebhookRequest(
        @NotBlank @Size(max = 2048) @Nullable String url,
        @NotEmpty @Size(max = 50) @Nullable List<@NotBlank String> eventTypes) {
}
