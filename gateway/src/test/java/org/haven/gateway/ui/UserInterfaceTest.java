package org.haven.gateway.ui;

import org.haven.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class UserInterfaceTest extends GatewayTestSupport {

    @Test
    void rootServesTheIndexPageWithoutCredentials() {
        gateway.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("<html"));
    }

    @Test
    void staticFilesAreServedWithoutCredentials() {
        gateway.get().uri("/test-app.js").exchange().expectStatus().isOk();
    }

    @Test
    void uiIsServedWithContentSecurityPolicyAndOtherSecurityHeaders() {
        gateway.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'self'.*frame-ancestors 'none'.*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
    }

    @Test
    void theScreensOfTheUiServeTheIndexPageWithoutCredentials() {
        for (String screen : new String[] {"/signin", "/today", "/cases", "/cases/new",
                "/cases/3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f"}) {
            gateway.get().uri(screen).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'self'.*")
                    .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("<html"));
        }
    }

    @Test
    void aPathUnderTheScreensThatIsNoScreenStillNeedsCredentials() {
        gateway.get().uri("/cases/not-a-case-id").exchange().expectStatus().isUnauthorized();
        gateway.get().uri("/cases/3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f/history").exchange().expectStatus().isUnauthorized();
        gateway.post().uri("/cases").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aPathThatIsNoStaticFileStillNeedsCredentials() {
        gateway.get().uri("/no-such-page.html").exchange().expectStatus().isUnauthorized();
        gateway.get().uri("/static/index.html").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void apiPathsAreNeverServedAsStaticFiles() {
        gateway.get().uri("/api/cases").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void writingToAStaticPathNeedsCredentials() {
        gateway.post().uri("/index.html").exchange().expectStatus().isUnauthorized();
    }
}
