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
