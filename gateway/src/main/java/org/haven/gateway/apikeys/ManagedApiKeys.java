package org.haven.gateway.apikeys;

import org.haven.gateway.auth.ApiKeyStore;
import org.haven.gateway.auth.Caller;
import org.haven.gateway.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organizations' own API keys: {@code hvn_} followed by 256 random bits (base64url), stored as their
 * SHA-256 only. JDBC blocks, so every database call runs on the given scheduler (bounded elastic), never on
 * the event loop. Looked up on every request, uncached, so a revoked key stops working at once on every
 * gateway instance.
 */
public final class ManagedApiKeys implements ApiKeyStore {

    private static final Logger log = LoggerFactory.getLogger(ManagedApiKeys.class);
    static final String PREFIX = "hvn_";
    /** base64url of 32 bytes, no padding. */
    private static final int ENCODED_LENGTH = 43;
    /** last_used_at is a hint for admins, not an audit log: written at most this often per key. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyRepository repository;
    private final Scheduler jdbcScheduler;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Instant> lastUsedWritten = new ConcurrentHashMap<>();

    public ManagedApiKeys(ApiKeyRepository repository, Scheduler jdbcScheduler, Clock clock) {
        this.repository = repository;
        this.jdbcScheduler = jdbcScheduler;
        this.clock = clock;
    }

    @Override
    public Mono<Caller> findCaller(String presentedKey) {
        if (!looksLikeAKey(presentedKey)) {
            return Mono.empty(); // no database round trip for what cannot be one of ours
        }
        byte[] hash = sha256(presentedKey);
        return Mono.fromCallable(() -> repository.findActive(hash).orElse(null))
                .subscribeOn(jdbcScheduler)
                .doOnNext(this::noteUse)
                .map(ApiKeyRepository.ActiveKey::caller);
    }

    /** Creates a key; the plaintext exists only in the answer, never in the database or the logs. */
    public Mono<CreatedKey> create(String organizationId, String name, Set<Role> roles, String createdBy) {
        return Mono.fromCallable(() -> {
            String key = newKey();
            ApiKeyRecord stored = repository.insert(organizationId, name, roles, sha256(key), createdBy, clock.instant());
            return new CreatedKey(stored, key);
        }).subscribeOn(jdbcScheduler);
    }

    public Mono<List<ApiKeyRecord>> list(String organizationId) {
        return Mono.fromCallable(() -> repository.list(organizationId)).subscribeOn(jdbcScheduler);
    }

    /** @return false when the organization has no key with that id */
    public Mono<Boolean> revoke(String organizationId, UUID id) {
        return Mono.fromCallable(() -> repository.revoke(organizationId, id, clock.instant())).subscribeOn(jdbcScheduler);
    }

    public record CreatedKey(ApiKeyRecord stored, String key) {
    }

    private void noteUse(ApiKeyRepository.ActiveKey key) {
        Instant now = clock.instant();
        Instant previous = lastUsedWritten.get(key.id());
        if (previous != null && now.isBefore(previous.plus(LAST_USED_RESOLUTION))) {
            return;
        }
        lastUsedWritten.put(key.id(), now);
        // Fire and forget: a failed bookkeeping write must not fail the caller's request.
        Mono.fromRunnable(() -> repository.markUsed(key.id(), now))
                .subscribeOn(jdbcScheduler)
                .subscribe(null, e -> log.warn("Could not record the use of API key {}: {}", key.id(), e.toString()));
    }

    private String newKey() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static boolean looksLikeAKey(String key) {
        if (key.length() != PREFIX.length() + ENCODED_LENGTH || !key.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
