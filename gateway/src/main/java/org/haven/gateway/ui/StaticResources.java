package org.haven.gateway.ui;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Matches reads of a file that really exists under {@code classpath:/static/} (and {@code /}, which serves
 * its index.html) and of the UI's screens ({@link UiPages}, which serve the same index.html), so the UI loads
 * without credentials while every other path, existing or not, still needs them: an unknown path is a 401 for
 * a stranger, never a hint about what exists.
 */
public final class StaticResources implements ServerWebExchangeMatcher {

    private static final String LOCATION = "static";
    private static final List<String> NEVER_STATIC = List.of("/api/", "/auth/", "/actuator/");

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        return read && (isStaticFile(path) || UiPages.isPage(path)) ? MatchResult.match() : MatchResult.notMatch();
    }

    static boolean isStaticFile(String path) {
        if (path.equals("/")) {
            path = "/index.html";
        }
        if (!path.startsWith("/") || path.contains("..") || path.contains("//") || path.contains("\\")
                || path.contains("%") || path.endsWith("/") || NEVER_STATIC.stream().anyMatch(path::startsWith)) {
            return false;
        }
        ClassPathResource resource = new ClassPathResource(LOCATION + path);
        return resource.exists() && resource.isReadable();
    }
}
