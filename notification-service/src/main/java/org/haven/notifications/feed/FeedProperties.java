package org.haven.notifications.feed;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The live stream ({@code haven.notifications.feed.*}).
 *
 * @param streamTimeout how long one stream stays open; the browser's EventSource reconnects by itself
 * @param heartbeat     how often an idle stream gets a comment line, so proxies keep it open and dead clients are found
 */
@Validated
@ConfigurationProperties("haven.notifications.feed")
public record FeedProperties(@NotNull Duration streamTimeout, @NotNull Duration heartbeat) {
}
