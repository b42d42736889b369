package org.haven.gateway.problem;

import org.haven.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayErrorsTest extends GatewayTestSupport {

    private static final int ONE_MB = 1024 * 1024;

    @Test
    void serviceSlowerThanTheResponseTimeoutIsGatewayTimeoutProblem() {
        gateway.get().uri(unique("/api/cases") + "/slow").header("X-API-Key", CASEWORKER_A_KEY).exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.title").isEqualTo("Gateway Timeout")
                .jsonPath("$.detail").isEqualTo("The service behind this path did not answer in time.");
    }

    @Test
    void serviceThatDropsTheConnectionIsBadGatewayProblem() {
        gateway.get().uri(unique("/api/cases") + "/hang-up").header("X-API-Key", CASEWORKER_A_KEY).exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(502)
                .jsonPath("$.detail").isEqualTo("The service behind this path could not be reached.");
    }

    @Test
    void bodyOfExactlyOneMegabyteIsForwarded() {
        String path = unique("/api/cases");

        gateway.post().uri(path).header("X-API-Key", CASEWORKER_A_KEY)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[ONE_MB]).exchange()
                .expectStatus().isOk();

        assertThat(caseService.received(path)).hasValueSatisfying(request -> assertThat(request.bodyLength()).isEqualTo(ONE_MB));
    }

    @Test
    void bodyOverOneMegabyteIsContentTooLargeProblem() {
        String path = unique("/api/cases");

        gateway.post().uri(path).header("X-API-Key", CASEWORKER_A_KEY)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[ONE_MB + 1]).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isEqualTo("The request body is larger than the limit of 1048576 bytes.");

        assertThat(caseService.received(path)).isEmpty();
    }

    @Test
    void chunkedBodyOverOneMegabyteIsContentTooLargeProblem() {
        // A body published as a stream has no Content-Length: it is sent chunked and counted as it goes.
        Flux<DataBuffer> chunks = Flux.range(0, 17).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));

        gateway.post().uri(unique("/api/cases")).header("X-API-Key", CASEWORKER_A_KEY)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(chunks, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void bodyInAContentCodingIsUnsupportedMediaTypeProblem() {
        String path = unique("/api/cases");

        gateway.post().uri(path).header("X-API-Key", CASEWORKER_A_KEY).header("Content-Encoding", "gzip")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(415);

        assertThat(caseService.received(path)).isEmpty();
    }

    @Test
    void identityContentCodingIsForwarded() {
        String path = unique("/api/cases");

        gateway.post().uri(path).header("X-API-Key", CASEWORKER_A_KEY).header("Content-Encoding", "identity")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();

        assertThat(caseService.received(path)).isPresent();
    }
}
