package org.haven.eligibility.screening;

import org.haven.eligibility.ServiceTestSupport;
import org.haven.support.identity.IdentityTokenIssuer;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The screening and catalogue endpoints through real HTTP, with the gateway's identity token. */
class ScreeningApiTest extends ServiceTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private record Answer(int status, String contentType, JsonNode body) {
    }

    private Answer call(String method, String path, String body, List<Role> roles) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (roles != null) {
            request.header("Authorization", "Bearer " + IdentityTokenIssuer.local().mint("org-a", "user:t", roles));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    @Test
    void screeningAnswersTheAssessmentShapeWithRuleIdsAndCitations() throws Exception {
        Answer answer = call("POST", "/api/eligibility/screenings", """
                { "asOf": "2025-06-01",
                  "person": { "dateOfBirth": "1990-05-01", "countryOfNationality": "UA", "unaccompaniedMinor": false },
                  "events": [ { "type": "EntryRecorded", "date": "2025-01-04", "manner": "PAROLED" },
                              { "type": "ParoleGranted", "grantedOn": "2024-12-20", "validUntil": "2026-01-03" } ] }""",
                List.of(Role.CASEWORKER));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.get("asOf").asString()).isEqualTo("2025-06-01");
        assertThat(body.get("ruleSetVersion").asString()).startsWith("2026.11.1");
        JsonNode asylumDeadline = StreamSupport.stream(body.get("deadlines").spliterator(), false)
                .filter(deadline -> deadline.get("type").asString().equals("ASYLUM_ONE_YEAR")).findFirst().orElseThrow();
        assertThat(asylumDeadline.get("dueOn").asString()).isEqualTo("2026-01-05");
        assertThat(asylumDeadline.get("ruleId").asString()).isEqualTo("ASYLUM-ONE-YEAR");
        assertThat(asylumDeadline.get("citation").asString()).isEqualTo("INA 208(a)(2)(B); 8 CFR 208.4");
        assertThat(asylumDeadline.get("remindDaysBefore").toString()).isEqualTo("[90,30,7]");
        JsonNode asylum = StreamSupport.stream(body.get("pathways").spliterator(), false)
                .filter(pathway -> pathway.get("pathway").asString().equals("ASYLUM")).findFirst().orElseThrow();
        assertThat(asylum.get("result").asString()).isEqualTo("ELIGIBLE");
        assertThat(asylum.get("reasons").get(0).get("ruleId").asString()).isEqualTo("ASYLUM-ONE-YEAR");
    }

    @Test
    void invalidScreeningIsA400ProblemNamingEveryField() throws Exception {
        Answer answer = call("POST", "/api/eligibility/screenings", """
                { "asOf": "1996-06-01",
                  "person": { "dateOfBirth": "1990-05-01", "countryOfNationality": "UA" },
                  "events": [ { "type": "EntryRecorded", "date": "2025-01-04", "manner": "PAROLED" },
                              { "type": "ParoleGranted", "grantedOn": "2026-02-30", "validUntil": "2026-01-03" },
                              { "type": "Teleported", "date": "2025-01-04" } ] }""", List.of(Role.INTAKE));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(400);
        assertThat(StreamSupport.stream(answer.body().get("errors").spliterator(), false).map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("asOf", "events[1].grantedOn", "events[2].type");
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        Answer answer = call("POST", "/api/eligibility/screenings", "{ \"person\": ", List.of(Role.AUDITOR));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void screeningNeedsTheGatewaysIdentityTokenAndARole() throws Exception {
        String body = "{ \"person\": { \"dateOfBirth\": \"1990-05-01\", \"countryOfNationality\": \"UA\" }, \"events\": [] }";

        assertThat(call("POST", "/api/eligibility/screenings", body, null).status()).isEqualTo(401);
        assertThat(call("POST", "/api/eligibility/screenings", body, List.of()).status()).isEqualTo(403);
        assertThat(call("POST", "/api/eligibility/screenings", body, List.of(Role.AUDITOR)).status()).isEqualTo(200);
    }

    @Test
    void catalogueListsEveryRuleWithItsCitationPeriodAndVerification() throws Exception {
        Answer all = call("GET", "/api/eligibility/rules", null, List.of(Role.AUDITOR));
        Answer before = call("GET", "/api/eligibility/rules?asOf=2025-10-15", null, List.of(Role.AUDITOR));

        assertThat(all.status()).isEqualTo(200);
        List<JsonNode> rules = StreamSupport.stream(all.body().get("rules").spliterator(), false).toList();
        assertThat(rules).hasSize(25);
        JsonNode c8 = rules.stream().filter(rule -> rule.get("id").asString().equals("EAD-C8-150")).findFirst().orElseThrow();
        assertThat(c8.get("citation").asString()).contains("8 CFR 208.7");
        assertThat(c8.get("effectiveFrom").asString()).isEqualTo("1997-01-01");
        assertThat(c8.get("verified").asBoolean()).isTrue();
        JsonNode reparole = rules.stream().filter(rule -> rule.get("id").asString().equals("REPAROLE-WINDOW")).findFirst().orElseThrow();
        assertThat(reparole.get("verified").asBoolean()).isFalse();
        assertThat(StreamSupport.stream(before.body().get("rules").spliterator(), false).map(rule -> rule.get("id").asString()))
                .doesNotContain("PAROLE-FEE").contains("FEES-HR1");
    }
}
