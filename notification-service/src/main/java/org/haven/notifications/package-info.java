/**
 * notification-service: turns case events into notifications (for now the in-app feed) and keeps a
 * delivery log. It owns the {@code haven_notification} database and knows other services only through
 * the Kafka contract in {@code case-events}.
 */
@NullMarked
package org.haven.notifications;

import org.jspecify.annotations.NullMarked;
