package org.haven.gateway.auth;

import reactor.core.publisher.Mono;

/**
 * Where API keys are looked up. Today the keys come from configuration (local profile only); a
 * database-backed store per organization replaces this bean later without touching the filter chain.
 */
public interface ApiKeyStore {

    /** @return the caller the key belongs to, or empty when the key is unknown */
    Mono<Caller> findCaller(String presentedKey);
}
