package org.haven.notifications.feed;

public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
