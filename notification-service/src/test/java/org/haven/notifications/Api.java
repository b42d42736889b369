package org.haven.notifications;

import org.haven.support.identity.IdentityTokenIssuer;
import org.haven.support.identity.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's HTTP API as the gateway calls it: a signed identity token for an organization, subject and roles. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final IdentityTokenIssuer TOKENS = IdentityTokenIssuer.local();

    private final int port;
    private final String organizationId;
    private final String subject;
    private final List<Role> roles;
    private final @Nullable String acceptLanguage;

    Api(int port, String organizationId, String subject, List<Role> roles, @Nullable String acceptLanguage) {
        this.port = port;
        this.organizationId = organizationId;
        this.subject = subject;
        this.roles = roles;
        this.acceptLanguage = acceptLanguage;
    }

    Api as(String organizationId, String subject, Role... roles) {
        return new Api(port, organizationId, subject, List.of(roles), acceptLanguage);
    }

    Api acceptingLanguage(String language) {
        return new Api(port, organizationId, subject, roles, language);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, @Nullable String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKENS.mint(organizationId, subject, roles));
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
        return builder;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static HttpClient http() {
        return HTTP;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String contentType, @Nullable String location, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** A 400 problem+json whose errors[] name exactly this field. */
        Response isBadRequestNaming(String field) {
            assertThat(status).as(body).isEqualTo(400);
            isProblem();
            assertThat(json().get("errors").findValues("field")).extracting(JsonNode::asString).as(body).containsExactly(field);
            return this;
        }

        Response isProblem() {
            assertThat(contentType).as(body).startsWith("application/problem+json");
            assertThat(json().get("status").asInt()).isEqualTo(status);
            assertThat(json().get("title").asString()).isNotBlank();
            return this;
        }

        Response hasStatus(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }
    }
}
