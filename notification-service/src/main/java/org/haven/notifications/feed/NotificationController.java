package org.haven.notifications.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.haven.notifications.templates.Language;
import org.haven.support.identity.HavenIdentity;
import org.haven.support.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.UUID;

/**
 * The caller's organization's feed. Another organization's notifications are never visible, whatever the
 * filter; marking one read or reading it by id answers 404 as if it did not exist. Read state is per reader.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;
    private final FeedViews views;
    private final FeedStream stream;
    private final ReaderLanguage languages;

    NotificationController(Notifications notifications, FeedViews views, FeedStream stream, ReaderLanguage languages) {
        this.notifications = notifications;
        this.views = views;
        this.stream = stream;
        this.languages = languages;
    }

    /**
     * @param unread true: only those the caller has not marked read; false: only those they have
     * @param mine   only notifications addressed to the caller (cases assigned to them)
     */
    @GetMapping
    List<NotificationView> list(@RequestParam(required = false) @Nullable UUID caseId,
                                @RequestParam(required = false) @Nullable Boolean unread,
                                @RequestParam(defaultValue = "false") boolean mine,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                                @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        HavenIdentity reader = HavenIdentity.current();
        Language language = languages.of(reader, acceptLanguage);
        return views.render(notifications.ofOrganization(reader.organizationId(), reader.subject(), caseId, unread,
                mine ? reader.subject() : null, limit), language);
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable UUID id) {
        HavenIdentity reader = HavenIdentity.current();
        if (!notifications.markRead(reader.organizationId(), id, reader.subject())) {
            throw new NotFoundException("No notification " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** New notifications of the caller's organization as server-sent events named {@code notification}. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(defaultValue = "false") boolean mine,
                      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        HavenIdentity reader = HavenIdentity.current();
        return stream.open(reader, languages.of(reader, acceptLanguage), mine);
    }
}
