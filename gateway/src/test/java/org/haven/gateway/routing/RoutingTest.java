package org.haven.gateway.routing;

import org.haven.gateway.DownstreamStub.ReceivedRequest;
import org.haven.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest extends GatewayTestSupport {

    // A route configured under a prefix Spring Cloud Gateway ignores would fail here: the service would see nothing.
    @ParameterizedTest(name = "{0} goes to {1}-service")
    @CsvSource({
            "/api/cases,         case",
            "/api/deadlines,     case",
            "/api/audit,         case",
            "/api/eligibility,   eligibility",
            "/api/notifications, notification",
            "/api/webhooks,      notification",
            "/api/notification-preferences, notification"})
    void eachPublicPathPrefixIsForwardedToTheServiceThatOwnsIt(String prefix, String service) {
        String path = unique(prefix);

        gateway.get().uri(path + "?page=2").header("X-API-Key", CASEWORKER_A_KEY).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);

        assertThat(stub(service).received(path)).hasValueSatisfying(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.uri().getQuery()).isEqualTo("page=2");
        });
    }

    @Test
    void collectionPathWithoutTrailingSegmentIsForwarded() {
        gateway.get().uri("/api/cases").header("X-API-Key", CASEWORKER_A_KEY).exchange()
                .expectStatus().isOk();

        assertThat(caseService.received("/api/cases")).isPresent();
    }

    @Test
    void requestBodyIsForwardedToTheService() {
        String path = unique("/api/cases");
        String body = "{\"client\":{\"givenName\":\"Ana\"}}";

        gateway.post().uri(path).header("X-API-Key", CASEWORKER_A_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk();

        assertThat(caseService.received(path)).map(ReceivedRequest::bodyLength).contains(body.length());
    }

    @Test
    void pathOutsideEveryRouteIsNotFoundAsProblem() {
        gateway.get().uri("/api/unknown").header("X-API-Key", CASEWORKER_A_KEY).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.detail").isNotEmpty();
    }
}
