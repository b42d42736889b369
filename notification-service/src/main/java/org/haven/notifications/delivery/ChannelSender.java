package org.haven.notifications.delivery;

/**
 * Sends one claimed delivery on one channel. Runs outside any database transaction and must finish well
 * within the claim's lease ({@code haven.notifications.delivery.lease}); it reports failures as an
 * {@link Outcome}, and an exception counts as {@link Outcome.Retry}.
 */
public interface ChannelSender {

    Channel channel();

    Outcome send(ClaimedDelivery delivery);
}
