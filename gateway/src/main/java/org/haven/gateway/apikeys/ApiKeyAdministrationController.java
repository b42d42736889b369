package org.haven.gateway.apikeys;

import org.haven.gateway.auth.Caller;
import org.haven.gateway.auth.CallerAuthentication;
import org.haven.gateway.auth.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An organization's ADMIN manages its own API keys (the security chain lets only ADMIN in). Every query is
 * scoped to the caller's organization: another organization's key id is a 404, like one that does not exist.
 */
@RestController
@RequestMapping("/api/admin/api-keys")
class ApiKeyAdministrationController {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    private final ManagedApiKeys keys;

    ApiKeyAdministrationController(ManagedApiKeys keys) {
        this.keys = keys;
    }

    record CreateApiKey(@Nullable String name, @Nullable List<@Nullable String> roles) {
    }

    /** The only answer that ever contains the key. */
    record CreatedApiKey(UUID id, String name, List<Role> roles, Instant createdAt, String key) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> create(@RequestBody CreateApiKey request) {
        List<Map<String, String>> errors = new ArrayList<>();
        String name = request.name();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(error("name", "must be 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (request.roles() == null || request.roles().isEmpty()) {
            errors.add(error("roles", "must name at least one of " + List.of(Role.values())));
        } else {
            for (String role : request.roles()) {
                try {
                    roles.add(Role.valueOf(String.valueOf(role)));
                } catch (IllegalArgumentException e) {
                    errors.add(error("roles", "must each be one of " + List.of(Role.values())));
                    break;
                }
            }
        }
        if (!errors.isEmpty() || name == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
            problem.setProperty("errors", errors);
            return Mono.just(problemResponse(problem));
        }
        return CallerAuthentication.current()
                .flatMap(caller -> keys.create(caller.organizationId(), name, roles, caller.subject()))
                .<ResponseEntity<?>>map(created -> ResponseEntity
                        .created(URI.create("/api/admin/api-keys/" + created.stored().id()))
                        .body(new CreatedApiKey(created.stored().id(), created.stored().name(),
                                created.stored().roles().stream().sorted().toList(), created.stored().createdAt(), created.key())))
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(problemResponse(ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT, "Your organization already has an API key in use named '%s'.".formatted(name)))));
    }

    @GetMapping
    Mono<List<ApiKeyRecord>> list() {
        return CallerAuthentication.current().map(Caller::organizationId).flatMap(keys::list);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<?>> revoke(@PathVariable String id) {
        UUID keyId;
        try {
            keyId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Mono.just(notFound());
        }
        return CallerAuthentication.current()
                .flatMap(caller -> keys.revoke(caller.organizationId(), keyId))
                .map(found -> found ? ResponseEntity.noContent().build() : notFound());
    }

    private static ResponseEntity<?> notFound() {
        return problemResponse(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Your organization has no API key with this id."));
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static ResponseEntity<?> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
