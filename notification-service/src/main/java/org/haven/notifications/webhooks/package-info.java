/**
 * Webhooks: an organization's subscriptions (ADMIN only; the secret shown once), deliveries signed per
 * Standard Webhooks, retried with backoff and given up into a dead-letter list an admin can re-send from.
 * Every URL is checked against private, loopback, link-local and metadata addresses at registration and again,
 * after DNS resolution, at each send — and the send connects to exactly the address that was checked.
 */
@NullMarked
package org.haven.notifications.webhooks;

import org.jspecify.annotations.NullMarked;
