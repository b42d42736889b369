package org.haven.gateway.ui;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

/**
 * The addresses of the caseworker UI's screens. Each serves the UI's {@code index.html}, whose script routes
 * on the path, so that a screen can be bookmarked, reloaded and linked to (notification emails link to
 * {@code /cases/{id}}). The page itself holds no data: everything it shows comes from the API, which still
 * needs credentials.
 */
public final class UiPages {

    private static final List<PathPattern> PAGES = List.of(
            "/signin", "/today", "/cases", "/cases/new", "/admin",
            "/cases/{caseId:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}")
            .stream().map(PathPatternParser.defaultInstance::parse).toList();

    private UiPages() {
    }

    public static boolean isPage(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return PAGES.stream().anyMatch(pattern -> pattern.matches(container));
    }
}
