package org.haven.gateway.problem;

import io.netty.channel.unix.Errors;
import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Turns every failure that reaches the gateway's web handler into problem+json: unknown paths, a service
 * that cannot be reached (502) or is too slow (504), bodies over the limit, and anything unexpected (500,
 * logged with its cause). Ordered before Spring Boot's own handler, which would answer its JSON error shape.
 */
@Component
@Order(-2)
public class GatewayExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    private final ProblemResponses problems;

    public GatewayExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            // Part of a service's answer is already on its way to the client; nothing sensible can replace it.
            return Mono.error(failure);
        }
        HttpStatus status = statusOf(failure);
        String path = exchange.getRequest().getPath().value();
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), path, failure);
        } else if (status.is5xxServerError()) {
            log.warn("{} on {} {}: {}", status.value(), exchange.getRequest().getMethod(), path, failure.toString());
        }
        return problems.write(exchange, status, detailOf(status, failure));
    }

    private static HttpStatus statusOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseStatusException e) {
                HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
                return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof PrematureCloseException) {
                return HttpStatus.BAD_GATEWAY;
            }
            // A service that dies mid-request resets the connection (kill -9 of a service under load answered 500
            // here; found by the crash tests of issue 9): epoll reports it as a NativeIoException, NIO as a SocketException.
            if (cause instanceof Errors.NativeIoException || cause instanceof SocketException) {
                return HttpStatus.BAD_GATEWAY;
            }
            if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    // Framework reasons for client errors are safe and useful; server-side reasons may name hosts or timeouts.
    private static String detailOf(HttpStatus status, Throwable failure) {
        return switch (status) {
            case NOT_FOUND -> "Nothing is served at this path.";
            case BAD_GATEWAY -> "The service behind this path could not be reached.";
            case GATEWAY_TIMEOUT -> "The service behind this path did not answer in time.";
            case INTERNAL_SERVER_ERROR -> "An unexpected error occurred; it has been logged.";
            default -> failure instanceof ResponseStatusException e && e.getReason() != null && status.is4xxClientError()
                    ? e.getReason()
                    : status.getReasonPhrase();
        };
    }
}
