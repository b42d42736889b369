package org.haven.gateway.oidc;

import com.nimbusds.jwt.SignedJWT;
import org.haven.gateway.GatewayTestSupport;
import org.haven.gateway.TestOidcProvider;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OidcAuthenticationTest extends GatewayTestSupport {

    private static final Map<String, Object> CASEWORKER_B = Map.of(
            "sub", "maria", "haven_org", "org-b", "haven_roles", List.of("CASEWORKER", "some-other-app-role"));

    @Test
    void validProviderTokenIsForwardedAsTheUsersSignedIdentity() throws Exception {
        String path = unique("/api/cases");

        gateway.get().uri(path).headers(h -> h.setBearerAuth(identityProvider.token(CASEWORKER_B))).exchange()
                .expectStatus().isOk();

        String forwarded = caseService.received(path).orElseThrow().header("Authorization").getFirst();
        var claims = SignedJWT.parse(forwarded.substring("Bearer ".length())).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("haven-gateway");
        assertThat(claims.getSubject()).isEqualTo("user:maria");
        assertThat(claims.getStringClaim("org")).isEqualTo("org-b");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CASEWORKER");
    }

    @Test
    void meAnswersTheProviderUser() {
        gateway.get().uri("/auth/me").headers(h -> h.setBearerAuth(identityProvider.token(CASEWORKER_B))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("maria").jsonPath("$.organization").isEqualTo("org-b");
    }

    @Test
    void expiredTokenIsUnauthorizedProblem() {
        gateway.get().uri(unique("/api/cases")).headers(h -> h.setBearerAuth(identityProvider.expiredToken(CASEWORKER_B))).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.detail").isEqualTo("The bearer token is not valid.");
    }

    @Test
    void tokenSignedByAnUnknownKeyIsUnauthorizedAndNeverForwarded() {
        String path = unique("/api/cases");

        gateway.get().uri(path).headers(h -> h.setBearerAuth(TestOidcProvider.tokenSignedByAStranger(CASEWORKER_B))).exchange()
                .expectStatus().isUnauthorized();

        assertThat(caseService.received(path)).isEmpty();
    }

    @Test
    void tokenWithoutOrganizationIsUnauthorized() {
        gateway.get().uri(unique("/api/cases"))
                .headers(h -> h.setBearerAuth(identityProvider.token(Map.of("sub", "nobody", "haven_roles", List.of("ADMIN")))))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void garbageBearerTokenIsUnauthorizedProblem() {
        gateway.get().uri(unique("/api/cases")).header("Authorization", "Bearer not.a.jwt").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        gateway.get().uri(unique("/api/cases")).header("Authorization", "Bearer ###").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void tokenOfTheGatewaysOwnIdentityFormatIsNotAcceptedFromOutside() {
        String internal = org.haven.gateway.identity.IdentityTokens.localToken("org-a", "user:x", List.of("ADMIN"));

        gateway.get().uri(unique("/api/cases")).header("Authorization", "Bearer " + internal).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void roleClaimsOfTheProviderDecideAdminAccess() {
        String caseworker = identityProvider.token(CASEWORKER_B);
        String admin = identityProvider.token(Map.of("sub", "boss", "haven_org", "org-b", "haven_roles", "ADMIN"));

        gateway.get().uri("/api/admin/api-keys").headers(h -> h.setBearerAuth(caseworker)).exchange().expectStatus().isForbidden();
        gateway.get().uri("/api/admin/api-keys").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk();
    }
}
