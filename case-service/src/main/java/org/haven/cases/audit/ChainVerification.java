package org.haven.cases.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.haven.cases.domain.HashChain;
import org.jspecify.annotations.Nullable;

import java.util.Iterator;

/**
 * The result of recomputing a case's hash chain ({@link HashChain}) over its stored events, in sequence order.
 * An event breaks the chain when its sequence is not the next one (a row went missing), its payload or
 * metadata no longer reads, its {@code previousHash} is not the hash before it, or its {@code hash} is not what
 * {@link HashChain#next} computes over it. Only the first break is reported; everything after it is suspect.
 * Limit: the chain cannot show that events were cut off at the end of a history.
 */
public record ChainVerification(boolean valid, long events, @Nullable Long firstBrokenSequence) {

    /**
     * @param events       the case's events, from sequence 0; reading may fail part-way (a payload that no
     *                     longer reads can fail while upcasting)
     * @param storedEvents how many events the store holds for the case, counted without reading them
     */
    public static ChainVerification of(Iterator<? extends DomainEventMessage<?>> events, long storedEvents) {
        String previousHash = HashChain.GENESIS;
        long expected = 0;
        long seen = 0;
        Long broken = null;
        try {
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                seen++;
                if (broken != null) {
                    continue;
                }
                String hash = intactHash(event, expected, previousHash);
                if (hash == null) {
                    broken = Math.min(expected, event.getSequenceNumber());
                } else {
                    previousHash = hash;
                    expected++;
                }
            }
        } catch (RuntimeException unreadable) {
            if (broken == null) {
                broken = expected;
            }
        }
        return new ChainVerification(broken == null, Math.max(seen, storedEvents), broken);
    }

    /** The event's hash when it links correctly to the one before it; {@code null} when it breaks the chain. */
    private static @Nullable String intactHash(DomainEventMessage<?> event, long expectedSequence, String previousHash) {
        if (event.getSequenceNumber() != expectedSequence) {
            return null;
        }
        try {
            Object payload = event.getPayload();
            Object storedPrevious = event.getMetaData().get(HashChain.PREVIOUS_HASH);
            Object storedHash = event.getMetaData().get(HashChain.HASH);
            if (!previousHash.equals(storedPrevious) || !(storedHash instanceof String hash)
                    || !hash.equals(HashChain.next(previousHash, event.getSequenceNumber(), payload))) {
                return null;
            }
            return hash;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
