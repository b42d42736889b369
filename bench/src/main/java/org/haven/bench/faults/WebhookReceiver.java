package org.haven.bench.faults;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 that answers 200 to everything and remembers, for every event, the
 * {@code webhook-id}s it arrived with. The same id twice is a re-send (receivers dedupe on it); two different ids
 * for one event of one subscription would be a notification sent twice.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Set<String>> idsByEvent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> receivedById = new ConcurrentHashMap<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger unreadable = new AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hooks", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
                record(webhookId, text);
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    private void record(String webhookId, String body) {
        received.incrementAndGet();
        String eventId;
        try {
            eventId = Http.JSON.readTree(body).path("data").path("eventId").asString(null);
        } catch (RuntimeException e) {
            eventId = null;
        }
        if (webhookId == null || eventId == null) {
            unreadable.incrementAndGet();
            return;
        }
        idsByEvent.computeIfAbsent(eventId, id -> ConcurrentHashMap.newKeySet()).add(webhookId);
        receivedById.computeIfAbsent(webhookId, id -> new AtomicInteger()).incrementAndGet();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    int received() {
        return received.get();
    }

    int unreadable() {
        return unreadable.get();
    }

    boolean receivedEvent(String eventId) {
        return idsByEvent.containsKey(eventId);
    }

    int events() {
        return idsByEvent.size();
    }

    /** Events that arrived with more than one webhook-id. */
    Map<String, Set<String>> eventsWithSeveralIds() {
        Map<String, Set<String>> several = new ConcurrentHashMap<>();
        idsByEvent.forEach((event, ids) -> {
            if (ids.size() > 1) {
                several.put(event, Set.copyOf(ids));
            }
        });
        return several;
    }

    /** Webhook-ids that arrived more than once: re-sends, which receivers dedupe. */
    long resentIds() {
        return receivedById.values().stream().filter(count -> count.get() > 1).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
