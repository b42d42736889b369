package org.haven.deploy.ui;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The public API with an organization's dev API key: how the browser tests set up cases, as an API client would. */
final class HavenApi {

    static final String CASEWORKER_A = "hvn_dev_a_caseworker";

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper json = JsonMapper.builder().build();

    private final URI gateway;
    private final String apiKey;

    HavenApi(URI gateway, String apiKey) {
        this.gateway = gateway;
        this.apiKey = apiKey;
    }

    /** Opens a case for a client with these names; returns its id. */
    String openCase(String givenName, String familyName, String lastArrivalDate) {
        JsonNode created = post("/api/cases", """
                {"client":{"givenName":"%s","familyName":"%s","dateOfBirth":"1990-05-01","countryOfNationality":"UA",\
                "preferredLanguage":"es"},"lastArrivalDate":"%s"}""".formatted(givenName, familyName, lastArrivalDate), 201);
        return created.path("id").asString();
    }

    /** Records one fact: POST /api/cases/{id}/{resource}. */
    void record(String caseId, String resource, String body) {
        post("/api/cases/" + caseId + "/" + resource, body, 200);
    }

    private JsonNode post(String path, String body, int expectedStatus) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expectedStatus);
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
