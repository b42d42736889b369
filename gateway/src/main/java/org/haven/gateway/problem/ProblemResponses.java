package org.haven.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 body straight onto the response. Used where no controller exists to return a
 * {@code ProblemDetail}: security entry points and the gateway's own exception handler.
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(new Problem("about:blank", status.getReasonPhrase(), status.value(), detail));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    record Problem(String type, String title, int status, String detail) {
    }
}
