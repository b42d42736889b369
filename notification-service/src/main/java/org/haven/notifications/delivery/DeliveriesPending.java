package org.haven.notifications.delivery;

/** Published when pending deliveries were written; heard after the transaction commits, to wake the sender. */
record DeliveriesPending() {
}
