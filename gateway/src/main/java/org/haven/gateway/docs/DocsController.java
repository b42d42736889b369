package org.haven.gateway.docs;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * The aggregated spec and a plain page listing every endpoint: no script, so it needs nothing the content
 * security policy forbids and works offline. Like the API itself, both need credentials (a session or a key).
 */
@RestController
class DocsController {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final ServiceSpecs specs;

    DocsController(ServiceSpecs specs) {
        this.specs = specs;
    }

    @GetMapping(path = "/api/docs/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ObjectNode> openApi() {
        return specs.merged().map(merged -> {
            if (merged.unavailable().isEmpty()) {
                return merged.spec();
            }
            ObjectNode spec = merged.spec().deepCopy();
            var unavailable = spec.withObject("info").putArray("x-unavailable-services");
            merged.unavailable().forEach(unavailable::add);
            return spec;
        });
    }

    @GetMapping(path = "/api/docs", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> page() {
        return specs.merged().map(merged -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html(merged)));
    }

    private static String html(ServiceSpecs.Merged merged) {
        StringBuilder page = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Haven API</title></head><body>
                <h1>Haven API</h1>
                <p>The machine-readable description is <a href="/api/docs/openapi.json">/api/docs/openapi.json</a> (OpenAPI).
                Send <code>X-API-Key</code>, an OIDC bearer token, or sign in. Errors are <code>application/problem+json</code>.</p>
                """);
        if (!merged.unavailable().isEmpty()) {
            page.append("<p><strong>Not listed because they did not answer:</strong> ")
                    .append(escape(String.join(", ", merged.unavailable()))).append("</p>\n");
        }
        page.append("<table><thead><tr><th>Method</th><th>Path</th><th>What it does</th></tr></thead><tbody>\n");
        for (Map.Entry<String, JsonNode> path : merged.spec().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                JsonNode op = operation.getValue();
                String summary = op.path("summary").asString(op.path("operationId").asString(""));
                page.append("<tr><td>").append(escape(operation.getKey().toUpperCase())).append("</td><td><code>")
                        .append(escape(path.getKey())).append("</code></td><td>").append(escape(summary)).append("</td></tr>\n");
            }
        }
        return page.append("</tbody></table>\n</body></html>\n").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

}
