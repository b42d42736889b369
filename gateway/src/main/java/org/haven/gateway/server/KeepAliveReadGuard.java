package org.haven.gateway.server;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Handles every exchange off the thread that dispatched it, so that an HTTP/1.1 keep-alive connection keeps
 * being read.
 *
 * <p>Reactor Netty 1.3.6 (Spring Boot 4.0.7's) buffers a request that arrives on a keep-alive connection before
 * the previous exchange has terminated. When it then dispatches that buffered request and the request is
 * answered at once, on the same call (a static file, a 304 Not Modified, {@code /auth/me}), the connection is
 * never read again: the client's next request on it gets no answer (reactor-netty #4347 and #4361, fixed in
 * 1.3.8). Browsers loading the UI reuse six connections quickly and hit it within a few page loads. Moving the
 * handling to another thread means no exchange completes inside that dispatch, and reading resumes as it should.
 * Remove this filter once the gateway runs on Reactor Netty 1.3.8 or later; {@code KeepAliveConnectionTest}
 * keeps watch either way.
 */
@Component
public class KeepAliveReadGuard implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.parallel());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
