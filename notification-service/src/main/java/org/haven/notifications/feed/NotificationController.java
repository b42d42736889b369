package org.haven.notifications.feed;

import org.haven.support.identity.HavenIdentity;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The caller's organization's feed; another organization's notifications are never visible, whatever the filter. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    List<NotificationView> list(@RequestParam(required = false) @Nullable UUID caseId) {
        return notifications.ofOrganization(HavenIdentity.current().organizationId(), caseId);
    }
}
