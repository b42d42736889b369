/**
 * The delivery log and the loop that works it off: one row per (event, channel, recipient), written in the
 * consumer's transaction and sent from there by whichever instance claims it first. Channels plug in as
 * {@link org.haven.notifications.delivery.ChannelSender}s; this slice knows none of them.
 */
@NullMarked
package org.haven.notifications.delivery;

import org.jspecify.annotations.NullMarked;
