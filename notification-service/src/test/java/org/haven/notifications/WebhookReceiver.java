package org.haven.notifications;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A real HTTP webhook receiver on 127.0.0.1 (JDK HttpServer). It answers the statuses it was told to, in
 * order (then 204 for ever), optionally after a pause, and keeps every request it got.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String webhookId, String timestamp, String signature, String host, String userAgent,
                    String body, Instant at) {
    }

    private record Answer(int status, Duration pause) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                var headers = exchange.getRequestHeaders();
                received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), headers.getFirst("Host"), headers.getFirst("User-Agent"),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8), Instant.now()));
            }
            Answer answer = answers.poll();
            if (answer == null) {
                answer = new Answer(204, Duration.ZERO);
            }
            try {
                Thread.sleep(answer.pause().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    WebhookReceiver answering(int... statuses) {
        for (int status : statuses) {
            answers.add(new Answer(status, Duration.ZERO));
        }
        return this;
    }

    WebhookReceiver answeringAfter(Duration pause, int status) {
        answers.add(new Answer(status, pause));
        return this;
    }

    /** Every request from now on fails with this status. */
    WebhookReceiver alwaysAnswering(int status) {
        for (int i = 0; i < 10_000; i++) {
            answers.add(new Answer(status, Duration.ZERO));
        }
        return this;
    }

    /** Forgets what it was told to answer: 204 from now on. */
    WebhookReceiver answerNormally() {
        answers.clear();
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFor(String caseId) {
        return received.stream().filter(request -> request.body().contains(caseId)).toList();
    }

    Map<String, Long> countsById() {
        return received.stream().collect(java.util.stream.Collectors.groupingBy(Received::webhookId,
                java.util.stream.Collectors.counting()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
