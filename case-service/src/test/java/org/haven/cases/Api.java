package org.haven.cases;

import org.haven.support.identity.IdentityTokenIssuer;
import org.haven.support.identity.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** A plain HTTP client for case-service under test, calling as the gateway would, with a signed identity token. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final IdentityTokenIssuer TOKENS = IdentityTokenIssuer.local();

    private final String baseUrl;
    private final String organizationId;
    private final List<Role> roles;

    private Api(String baseUrl, String organizationId, List<Role> roles) {
        this.baseUrl = baseUrl;
        this.organizationId = organizationId;
        this.roles = roles;
    }

    public static Api at(int port, String organizationId, Role... roles) {
        return new Api("http://localhost:" + port, organizationId, List.of(roles));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return post(path, json, java.util.Map.of());
    }

    public Response post(String path, String json, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response getWithoutToken(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + TOKENS.mint(organizationId, "user:test-" + organizationId, roles));
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String etag, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public static String openCaseBody(String givenName) {
        return """
                {"client":{"givenName":"%s","familyName":"Kovalenko","dateOfBirth":"1990-05-01",
                 "countryOfNationality":"UA","preferredLanguage":"en"},"lastArrivalDate":"2025-01-04"}""".formatted(givenName);
    }
}
