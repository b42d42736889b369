package org.haven.gateway.auth;

import org.haven.gateway.auth.ApiKeyProperties.RegisteredKey;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * API keys from configuration, held only as SHA-256 hashes. Every lookup compares the presented key's hash
 * with every registered hash in constant time, so the answer time says nothing about how close a guess was.
 */
public final class ConfiguredApiKeys implements ApiKeyStore {

    /** The dev keys published in architecture.md and internal-contracts.md: anyone can read them. */
    static final List<String> PUBLISHED_DEV_KEYS = List.of(
            "hvn_dev_a_intake", "hvn_dev_a_caseworker", "hvn_dev_a_auditor", "hvn_dev_a_admin", "hvn_dev_b_caseworker");

    private final List<Entry> entries;

    /**
     * @param localProfile whether the {@code local} profile is active; outside it, a published dev key is a
     *                     configuration mistake that would open a real deployment to anyone, so start-up fails
     */
    public ConfiguredApiKeys(List<RegisteredKey> keys, boolean localProfile) {
        if (!localProfile) {
            refusePublishedDevKeys(keys);
        }
        this.entries = keys.stream()
                .map(key -> new Entry(HexFormat.of().parseHex(key.sha256()),
                        Caller.apiKey(key.name(), key.organization(), key.roles())))
                .toList();
    }

    @Override
    public Mono<Caller> findCaller(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        Caller found = null;
        for (Entry entry : entries) {
            // No early exit: every entry is compared whatever matched before.
            if (MessageDigest.isEqual(presented, entry.sha256())) {
                found = entry.caller();
            }
        }
        return Mono.justOrEmpty(found);
    }

    private static void refusePublishedDevKeys(List<RegisteredKey> keys) {
        List<String> devHashes = PUBLISHED_DEV_KEYS.stream().map(key -> HexFormat.of().formatHex(sha256(key))).toList();
        for (RegisteredKey key : keys) {
            if (devHashes.contains(key.sha256())) {
                throw new IllegalStateException(("API key '%s' in haven.gateway.auth.api-keys is one of the published "
                        + "local development keys, which are accepted only with the 'local' profile active. Remove it, "
                        + "or run with --spring.profiles.active=local.").formatted(key.name()));
            }
        }
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    private record Entry(byte[] sha256, Caller caller) {
    }
}
