package org.haven.gateway.docs;

import com.nimbusds.jwt.SignedJWT;
import org.haven.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsTest extends GatewayTestSupport {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aggregatedSpecHoldsEveryServicesRoutedPathsAndTheGatewaysOwn() {
        JsonNode spec = spec();

        assertThat(new ArrayList<>(spec.path("paths").propertyNames())).contains(
                "/api/cases", "/api/eligibility/screenings", "/api/webhooks",
                "/api/admin/api-keys", "/api/admin/api-keys/{id}", "/auth/login", "/auth/logout", "/auth/me");
    }

    @Test
    void pathsTheGatewayDoesNotRouteAreLeftOut() {
        assertThat(new ArrayList<>(spec().path("paths").propertyNames())).noneMatch(path -> path.startsWith("/internal/"));
    }

    @Test
    void theOnlyServerIsTheGatewayItself() {
        JsonNode spec = spec();

        assertThat(spec.path("servers").toString()).isEqualTo("[{\"url\":\"/\"}]");
        assertThat(spec.toString()).doesNotContain("127.0.0.1").doesNotContain("localhost");
    }

    @Test
    void schemasThatDifferUnderOneNameAreKeptApartAndReferencesFollow() {
        JsonNode spec = spec();
        JsonNode schemas = spec.path("components").path("schemas");

        assertThat(schemas.has("Problem")).isTrue();
        assertThat(schemas.has("Problem_eligibilityservice")).isTrue();
        assertThat(schemas.has("Problem_notificationservice")).isTrue();
        assertThat(schemas.has("Input_eligibilityservice")).isFalse(); // identical everywhere: one copy
        assertThat(spec.at("/paths/~1api~1eligibility~1screenings/post/responses/400/content/application~1problem+json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Problem_eligibilityservice");
    }

    @Test
    void publicSecuritySchemesAreTheGatewaysCredentials() {
        JsonNode schemes = spec().path("components").path("securitySchemes");

        assertThat(new ArrayList<>(schemes.propertyNames())).containsExactlyInAnyOrder("apiKey", "bearer", "session");
        assertThat(schemes.path("apiKey").path("name").asString()).isEqualTo("X-API-Key");
    }

    @Test
    void servicesAreAskedForTheirSpecWithAnIdentityTokenOfNoOrganizationAndNoRoles() throws Exception {
        spec();

        String authorization = caseService.received("/v3/api-docs").orElseThrow().header("Authorization").getFirst();
        var claims = SignedJWT.parse(authorization.substring("Bearer ".length())).getJWTClaimsSet();
        assertThat(claims.getStringClaim("org")).isEqualTo("haven-gateway");
        assertThat(claims.getStringListClaim("roles")).isEmpty();
    }

    @Test
    void docsNeedCredentials() {
        gateway.get().uri("/api/docs/openapi.json").exchange().expectStatus().isUnauthorized();
        gateway.get().uri("/api/docs").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void docsPageListsEveryEndpointAsEscapedHtml() {
        String page = gateway.get().uri("/api/docs").header("X-API-Key", CASEWORKER_A_KEY).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'self'.*")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<code>/api/cases</code>", "<code>/api/admin/api-keys/{id}</code>", "Create &lt;case&gt;")
                .doesNotContain("Create <case>").doesNotContain("<script");
    }

    private JsonNode spec() {
        String body = gateway.get().uri("/api/docs/openapi.json").header("X-API-Key", CASEWORKER_A_KEY).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(body);
    }

    static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
