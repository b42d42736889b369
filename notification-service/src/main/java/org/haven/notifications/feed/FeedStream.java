package org.haven.notifications.feed;

import org.haven.notifications.delivery.DeliveryLog;
import org.haven.notifications.templates.Language;
import org.haven.support.identity.HavenIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open server-sent-event streams of this instance, by organization. A new notification (heard through
 * {@link FeedSignals}, whichever instance consumed its event) goes to the streams of its organization only,
 * rendered in each reader's language.
 */
@Component
@EnableConfigurationProperties(FeedProperties.class)
class FeedStream implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedStream.class);

    private final Notifications notifications;
    private final DeliveryLog deliveries;
    private final FeedViews views;
    private final FeedProperties properties;
    private final Map<String, Set<Reader>> readersByOrganization = new ConcurrentHashMap<>();
    private final ExecutorService sending = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("feed-stream-", 0).factory());
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("feed-heartbeat").daemon().factory());

    FeedStream(Notifications notifications, DeliveryLog deliveries, FeedViews views, FeedProperties properties) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.views = views;
        this.properties = properties;
        long every = properties.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** @param onlyAddressedToReader only notifications addressed to the reader (their assigned cases) */
    SseEmitter open(HavenIdentity identity, Language language, boolean onlyAddressedToReader) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Reader reader = new Reader(emitter, identity.subject(), language, onlyAddressedToReader);
        Set<Reader> readers = readersByOrganization.computeIfAbsent(identity.organizationId(), org -> ConcurrentHashMap.newKeySet());
        readers.add(reader);
        Runnable remove = () -> readers.remove(reader);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        try {
            // Commits the response, so the reader knows the stream is open before anything happens.
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /** A notification was committed (on this or another instance). */
    void published(String organizationId, UUID notificationId) {
        if (readersByOrganization.getOrDefault(organizationId, Set.of()).isEmpty()) {
            return;
        }
        sending.execute(() -> {
            try {
                push(notificationId);
            } catch (RuntimeException e) {
                log.warn("Pushing notification {} to streams failed", notificationId, e);
            }
        });
    }

    private void push(UUID notificationId) {
        StoredNotification notification = notifications.find(notificationId).orElse(null);
        if (notification == null) {
            return;
        }
        Set<Reader> readers = readersByOrganization.getOrDefault(notification.organizationId(), Set.of());
        if (readers.isEmpty()) {
            return;
        }
        var deliveryViews = deliveries.ofNotifications(List.of(notificationId)).getOrDefault(notificationId, List.of());
        Map<Language, NotificationView> rendered = new EnumMap<>(Language.class);
        for (Reader reader : readers) {
            if (reader.onlyAddressedToReader && !reader.subject.equals(notification.recipient())) {
                continue;
            }
            NotificationView view = rendered.computeIfAbsent(reader.language,
                    language -> views.render(notification, false, language, deliveryViews));
            send(reader, readers, SseEmitter.event().id(notificationId.toString()).name("notification")
                    .data(view, MediaType.APPLICATION_JSON));
        }
    }

    private void beat() {
        readersByOrganization.values().forEach(readers -> readers.forEach(reader ->
                send(reader, readers, SseEmitter.event().comment("heartbeat"))));
    }

    private static void send(Reader reader, Set<Reader> readers, SseEmitter.SseEventBuilder event) {
        try {
            reader.emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The reader went away; the container completes the emitter.
            readers.remove(reader);
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown (a later phase) waits for requests to
     * finish — a stream never would. Browsers reconnect to another instance.
     */
    @Override
    public void stop() {
        running = false;
        readersByOrganization.values().forEach(readers -> readers.forEach(reader -> reader.emitter.complete()));
        readersByOrganization.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        sending.shutdownNow();
    }

    private record Reader(SseEmitter emitter, String subject, Language language, boolean onlyAddressedToReader) {
    }
}
