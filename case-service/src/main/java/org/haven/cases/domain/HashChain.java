package org.haven.cases.domain;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The per-case hash chain that makes a case's history tamper-evident: each event's hash is SHA-256 over the
 * previous event's hash, the event's sequence and type, and its canonical JSON (properties sorted, ISO dates).
 * Written into each event's metadata when it is recorded; recomputed by the audit verification.
 */
public final class HashChain {

    public static final String HASH = "hash";
    public static final String PREVIOUS_HASH = "previousHash";
    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private HashChain() {
    }

    public static String next(String previousHash, long sequence, Object event) {
        String canonical;
        try {
            canonical = CANONICAL.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.getClass().getSimpleName() + " is not serializable", e);
        }
        return sha256(previousHash + "\n" + sequence + "\n" + event.getClass().getSimpleName() + "\n" + canonical);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
