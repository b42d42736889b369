package org.haven.notifications.webhooks;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Webhooks ({@code haven.webhooks.*}).
 *
 * @param allowLoopback  accept {@code http://} and {@code https://} URLs to loopback addresses — for receivers on a
 *                       developer's machine; only the local profile sets it
 * @param connectTimeout how long to wait for a receiver's TCP/TLS connection
 * @param readTimeout    how long to wait for a receiver's response once the request is sent
 */
@Validated
@ConfigurationProperties("haven.webhooks")
public record WebhookProperties(boolean allowLoopback, @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {
}
