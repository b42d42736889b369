package org.haven.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for one service: it records every request it receives and answers
 * {@code {"service":"<name>"}}, and its {@code /actuator/health} answers UP or DOWN as told.
 * Paths ending in {@code /slow} answer after {@link #SLOW}; paths ending in {@code /hang-up} close the
 * connection without answering.
 */
public final class DownstreamStub {

    public static final Duration SLOW = Duration.ofSeconds(3);

    private final String name;
    private final HttpServer server;
    private final Map<String, ReceivedRequest> received = new ConcurrentHashMap<>();
    private volatile boolean healthy = true;

    private DownstreamStub(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
    }

    public static DownstreamStub start(String name) {
        DownstreamStub stub = new DownstreamStub(name);
        stub.server.start();
        return stub;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    /** The request this service received for a path (without query), if any. */
    public Optional<ReceivedRequest> received(String path) {
        return Optional.ofNullable(received.get(path));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/actuator/health")) {
                respond(exchange, healthy ? 200 : 503, healthy ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
                return;
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            received.put(path, new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestURI(), headers,
                    body.readAllBytes().length));
            if (path.equals("/v3/api-docs")) {
                respond(exchange, 200, openApi());
                return;
            }
            if (path.endsWith("/hang-up")) {
                return; // closing the exchange without a response drops the connection
            }
            if (path.endsWith("/slow")) {
                sleep(SLOW);
            }
            respond(exchange, 200, "{\"service\":\"" + name + "\"}");
        }
    }

    /**
     * A small spec like springdoc's: one path per public prefix of this service, one path the gateway does not
     * route, the service's own server URL, and a schema named {@code Problem} that differs between services.
     */
    private String openApi() {
        String prefix = switch (name) {
            case "case" -> "/api/cases";
            case "eligibility" -> "/api/eligibility/screenings";
            default -> "/api/webhooks";
        };
        return """
                {"openapi":"3.1.0","info":{"title":"%1$s","version":"v0"},
                 "servers":[{"url":"%2$s","description":"Generated server url"}],
                 "tags":[{"name":"%1$s"}],
                 "paths":{
                   "%3$s":{"post":{"tags":["%1$s"],"operationId":"create_%1$s","summary":"Create <%1$s>",
                     "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Input"}}}},
                     "responses":{"200":{"description":"OK"},
                       "400":{"description":"bad","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
                   "/internal/%1$s-only":{"get":{"operationId":"internal_%1$s","responses":{"200":{"description":"OK"}}}}},
                 "components":{"schemas":{
                   "Problem":{"type":"object","properties":{"detail":{"type":"string"},"%1$s":{"type":"string"}}},
                   "Input":{"type":"object","properties":{"date":{"type":"string","format":"date"}}}}}}
                """.formatted(name, baseUri(), prefix);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public record ReceivedRequest(String method, URI uri, Map<String, List<String>> headers, int bodyLength) {

        public List<String> header(String name) {
            return headers.getOrDefault(name, List.of());
        }
    }
}
