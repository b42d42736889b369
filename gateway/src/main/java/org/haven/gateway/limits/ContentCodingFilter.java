package org.haven.gateway.limits;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Refuses a request body in a content coding (gzip, br, …) with 415 (RFC 9110 §8.4.1): the services read plain
 * JSON only and would otherwise read a body labelled gzip as if it were plain — accepting a mislabelled body, or
 * answering a genuinely compressed one with a confusing 400. {@code identity} is plain and passes.
 */
@Component
public class ContentCodingFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> codings = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.CONTENT_ENCODING);
        for (String header : codings) {
            for (String coding : header.split(",")) {
                if (!coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
                    return Mono.error(new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "Request bodies in a content coding are not accepted (Content-Encoding: %s); send the body uncompressed."
                                    .formatted(coding.strip())));
                }
            }
        }
        return chain.filter(exchange);
    }

    /** With the body limit, before Spring Security's filter chain (order -100). */
    @Override
    public int getOrder() {
        return -200;
    }
}
