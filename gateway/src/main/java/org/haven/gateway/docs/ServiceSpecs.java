package org.haven.gateway.docs;

import org.haven.gateway.auth.Caller;
import org.haven.gateway.identity.IdentityTokenSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fetches each routed service's {@code /v3/api-docs} and merges them with the gateway's own document. Which
 * service owns which paths is read from the routes themselves ({@code Path=} predicates), so the spec cannot
 * list a path the gateway does not forward. The services protect their spec like every other endpoint, so
 * the gateway asks with an identity token of its own: an organization no caller can have, and no roles.
 * The result is cached for a minute, or a few seconds while a service could not be asked.
 */
public final class ServiceSpecs {

    private static final Logger log = LoggerFactory.getLogger(ServiceSpecs.class);
    static final Caller DOCS_READER = new Caller("haven-gateway", "service:gateway-docs", Set.of());
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    public record Merged(ObjectNode spec, List<String> unavailable) {
    }

    private record Fetched(OpenApiMerger.Source source, boolean available) {
    }

    private final WebClient client;
    private final List<RouteDefinition> routes;
    private final IdentityTokenSigner signer;
    private final JsonMapper json;
    private final ObjectNode gatewaySpec;
    private final Mono<Merged> cached;

    public ServiceSpecs(WebClient.Builder clients, GatewayProperties gateway, IdentityTokenSigner signer, JsonMapper json) {
        this.client = clients.build();
        this.routes = List.copyOf(gateway.getRoutes());
        this.signer = signer;
        this.json = json;
        this.gatewaySpec = readGatewaySpec(json);
        this.cached = Mono.defer(this::fetchAndMerge)
                .cache(merged -> merged.unavailable().isEmpty() ? Duration.ofMinutes(1) : Duration.ofSeconds(5),
                        error -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<Merged> merged() {
        return cached;
    }

    private Mono<Merged> fetchAndMerge() {
        return Flux.fromIterable(routes)
                .concatMap(this::fetch)
                .collectList()
                .map(fetched -> new Merged(
                        OpenApiMerger.merge(gatewaySpec, fetched.stream().filter(Fetched::available).map(Fetched::source).toList()),
                        fetched.stream().filter(f -> !f.available()).map(f -> f.source().name()).toList()));
    }

    private Mono<Fetched> fetch(RouteDefinition route) {
        List<String> prefixes = pathPrefixes(route);
        // lb://case-service → http://case-service/v3/api-docs, which the client's load-balancing filter resolves
        var uri = UriComponentsBuilder.fromUri(route.getUri()).scheme("http").path("/v3/api-docs").build().toUri();
        return client.get().uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(signer.sign(DOCS_READER)))
                .retrieve()
                .bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(body -> new Fetched(new OpenApiMerger.Source(route.getId(), json.readTree(body), prefixes), true))
                .onErrorResume(e -> {
                    log.warn("No OpenAPI spec from {} at {}: {}", route.getId(), uri, e.toString());
                    return Mono.just(new Fetched(new OpenApiMerger.Source(route.getId(), OpenApiMerger.emptyObject(), prefixes), false));
                });
    }

    static List<String> pathPrefixes(RouteDefinition route) {
        List<String> prefixes = new ArrayList<>();
        for (PredicateDefinition predicate : route.getPredicates()) {
            if (predicate.getName().equals("Path")) {
                predicate.getArgs().values().forEach(pattern -> prefixes.add(pattern.replaceAll("/\\*\\*$", "")));
            }
        }
        return prefixes;
    }

    private static ObjectNode readGatewaySpec(JsonMapper json) {
        try (InputStream in = new ClassPathResource("docs/gateway-openapi.json").getInputStream()) {
            JsonNode spec = json.readTree(in);
            return (ObjectNode) spec;
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway's own OpenAPI document is missing", e);
        }
    }
}
