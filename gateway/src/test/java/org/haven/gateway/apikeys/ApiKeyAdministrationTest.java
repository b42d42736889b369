package org.haven.gateway.apikeys;

import com.nimbusds.jwt.SignedJWT;
import org.haven.gateway.GatewayTestSupport;
import org.haven.gateway.auth.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyAdministrationTest extends GatewayTestSupport {

    private static final String ADMIN_A = "hvn_dev_a_admin";

    @Autowired
    ApiKeyRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Test
    void adminCreatesAKeyThatIsShownOnceAndAuthenticatesWithItsOrganizationAndRoles() throws Exception {
        Map<?, ?> created = create(ADMIN_A, "case intake " + System.nanoTime(), List.of("INTAKE", "AUDITOR"));
        String key = (String) created.get("key");
        assertThat(key).startsWith("hvn_").hasSize(47);
        assertThat(created.get("roles")).isEqualTo(List.of("INTAKE", "AUDITOR"));

        String path = unique("/api/cases");
        gateway.get().uri(path).header("X-API-Key", key).exchange().expectStatus().isOk();

        var claims = SignedJWT.parse(caseService.received(path).orElseThrow().header("Authorization").getFirst()
                .substring("Bearer ".length())).getJWTClaimsSet();
        assertThat(claims.getStringClaim("org")).isEqualTo("org-a");
        assertThat(claims.getSubject()).isEqualTo("api-key:" + created.get("name"));
        assertThat(claims.getStringListClaim("roles")).containsExactlyInAnyOrder("INTAKE", "AUDITOR");
    }

    @Test
    void createdKeyAnswersWithLocationOfTheKey() {
        gateway.post().uri("/api/admin/api-keys").header("X-API-Key", ADMIN_A).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "located " + System.nanoTime(), "roles", List.of("CASEWORKER"))).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/admin/api-keys/[0-9a-f-]{36}");
    }

    @Test
    void onlyTheHashOfAKeyIsStored() {
        Map<?, ?> created = create(ADMIN_A, "hashed " + System.nanoTime(), List.of("CASEWORKER"));
        String key = (String) created.get("key");

        List<Map<String, Object>> rows = jdbc.sql("select * from api_key where id = ?::uuid").param(created.get("id")).query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.values()).noneMatch(value ->
                value != null && value.toString().contains(key.substring(4))));
        assertThat((byte[]) rows.getFirst().get("key_sha256")).isEqualTo(ManagedApiKeys.sha256(key));
    }

    @Test
    void listShowsTheOrganizationsKeysWithoutSecrets() {
        String name = "listed " + System.nanoTime();
        String key = (String) create(ADMIN_A, name, List.of("AUDITOR")).get("key");

        byte[] body = gateway.get().uri("/api/admin/api-keys").header("X-API-Key", ADMIN_A).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.name == '" + name + "')].roles[0]").isEqualTo("AUDITOR")
                .jsonPath("$[?(@.name == '" + name + "')].createdBy").isEqualTo("api-key:dev-a-admin")
                .jsonPath("$[?(@.name == '" + name + "')].createdAt").isNotEmpty()
                .returnResult().getResponseBodyContent();

        assertThat(new String(body)).doesNotContain(key.substring(4, 20)).doesNotContain("\"key\"").doesNotContain("sha256");
    }

    @Test
    void revokedKeyStopsWorkingAtOnce() {
        Map<?, ?> created = create(ADMIN_A, "revoked " + System.nanoTime(), List.of("CASEWORKER"));
        String key = (String) created.get("key");
        gateway.get().uri(unique("/api/cases")).header("X-API-Key", key).exchange().expectStatus().isOk();

        gateway.delete().uri("/api/admin/api-keys/" + created.get("id")).header("X-API-Key", ADMIN_A).exchange()
                .expectStatus().isNoContent();

        gateway.get().uri(unique("/api/cases")).header("X-API-Key", key).exchange().expectStatus().isUnauthorized();
        gateway.get().uri("/api/admin/api-keys").header("X-API-Key", ADMIN_A).exchange()
                .expectBody().jsonPath("$[?(@.id == '" + created.get("id") + "')].revokedAt").isNotEmpty();
    }

    @Test
    void usingAKeyRecordsWhenItWasLastUsed() throws InterruptedException {
        Map<?, ?> created = create(ADMIN_A, "used " + System.nanoTime(), List.of("CASEWORKER"));
        Instant before = Instant.now().minusSeconds(1);

        gateway.get().uri(unique("/api/cases")).header("X-API-Key", (String) created.get("key")).exchange().expectStatus().isOk();

        Instant lastUsed = null;
        for (int i = 0; i < 50 && lastUsed == null; i++) {
            lastUsed = jdbc.sql("select last_used_at from api_key where id = ?::uuid").param(created.get("id"))
                    .query(Instant.class).optional().orElse(null);
            Thread.sleep(100);
        }
        assertThat(lastUsed).isAfter(before);
    }

    @Test
    void anotherOrganizationsAdminNeitherSeesNorRevokesTheKey() {
        Map<?, ?> created = create(ADMIN_A, "org a only " + System.nanoTime(), List.of("CASEWORKER"));
        String adminB = (String) insertedKeyOfOrgB(Set.of(Role.ADMIN));

        gateway.get().uri("/api/admin/api-keys").header("X-API-Key", adminB).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + created.get("id") + "')]").isEmpty();
        gateway.delete().uri("/api/admin/api-keys/" + created.get("id")).header("X-API-Key", adminB).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        gateway.get().uri(unique("/api/cases")).header("X-API-Key", (String) created.get("key")).exchange().expectStatus().isOk();
    }

    @Test
    void unknownOrMalformedKeyIdIsNotFound() {
        gateway.delete().uri("/api/admin/api-keys/00000000-0000-0000-0000-000000000000").header("X-API-Key", ADMIN_A).exchange()
                .expectStatus().isNotFound();
        gateway.delete().uri("/api/admin/api-keys/not-a-uuid").header("X-API-Key", ADMIN_A).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void everyRoleButAdminIsForbidden() {
        for (String key : List.of("hvn_dev_a_intake", "hvn_dev_a_caseworker", "hvn_dev_a_auditor", "hvn_dev_b_caseworker")) {
            gateway.get().uri("/api/admin/api-keys").header("X-API-Key", key).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            gateway.post().uri("/api/admin/api-keys").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "sneaky", "roles", List.of("ADMIN"))).exchange()
                    .expectStatus().isForbidden();
            gateway.delete().uri("/api/admin/api-keys/00000000-0000-0000-0000-000000000000").header("X-API-Key", key).exchange()
                    .expectStatus().isForbidden();
        }
    }

    @Test
    void administrationWithoutCredentialsIsUnauthorized() {
        gateway.get().uri("/api/admin/api-keys").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void invalidNameOrRolesAreBadRequestWithFieldErrors() {
        gateway.post().uri("/api/admin/api-keys").header("X-API-Key", ADMIN_A).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "", "roles", List.of("OWNER"))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[1].field").isEqualTo("roles");
        gateway.post().uri("/api/admin/api-keys").header("X-API-Key", ADMIN_A).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "no roles")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("roles");
    }

    @Test
    void secondKeyInUseWithTheSameNameIsConflict() {
        String name = "twice " + System.nanoTime();
        create(ADMIN_A, name, List.of("CASEWORKER"));

        gateway.post().uri("/api/admin/api-keys").header("X-API-Key", ADMIN_A).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "roles", List.of("CASEWORKER"))).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void configuredDevKeysKeepWorkingAlongsideStoredKeys() {
        gateway.get().uri(unique("/api/cases")).header("X-API-Key", CASEWORKER_A_KEY).exchange().expectStatus().isOk();
    }

    @Test
    void adminSignedInThroughTheBrowserManagesKeysWithTheRequestedWithHeader() {
        String session = gateway.post().uri("/auth/login").header("X-Requested-With", "haven")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", "admin-a", "password", "haven-local"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseCookies().getFirst("HAVEN_SESSION").getValue();

        gateway.post().uri("/api/admin/api-keys").cookie("HAVEN_SESSION", session).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "from ui " + System.nanoTime(), "roles", List.of("CASEWORKER"))).exchange()
                .expectStatus().isForbidden();
        gateway.post().uri("/api/admin/api-keys").cookie("HAVEN_SESSION", session).header("X-Requested-With", "haven")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "from ui " + System.nanoTime(), "roles", List.of("CASEWORKER"))).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.createdAt").exists();
    }

    private Object insertedKeyOfOrgB(Set<Role> roles) {
        ManagedApiKeys keys = new ManagedApiKeys(repository, reactor.core.scheduler.Schedulers.immediate(), java.time.Clock.systemUTC());
        return keys.create("org-b", "org b admin " + System.nanoTime(), roles, "test").block().key();
    }

    private Map<?, ?> create(String adminKey, String name, List<String> roles) {
        return gateway.post().uri("/api/admin/api-keys").header("X-API-Key", adminKey).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "roles", roles)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
