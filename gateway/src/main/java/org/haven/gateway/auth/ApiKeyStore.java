package org.haven.gateway.auth;

import reactor.core.publisher.Mono;

/**
 * Where API keys are looked up: the keys of the configuration (local profile only) and the organizations' own
 * keys in the database. The filter chain asks every store, in {@code @Order}, until one knows the key.
 */
public interface ApiKeyStore {

    /** @return the caller the key belongs to, or empty when the key is unknown */
    Mono<Caller> findCaller(String presentedKey);
}
