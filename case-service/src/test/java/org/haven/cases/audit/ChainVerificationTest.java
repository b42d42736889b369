package org.haven.cases.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.Client;
import org.haven.cases.domain.HashChain;
import org.haven.cases.domain.intake.CaseAssigned;
import org.haven.cases.domain.intake.CaseOpened;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Recomputing a case's hash chain; plain Java over hand-made event messages. */
class ChainVerificationTest {

    private final CaseId caseId = CaseId.newId();

    private List<DomainEventMessage<?>> chained(CaseEvent... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int sequence = 0; sequence < events.length; sequence++) {
            String hash = HashChain.next(previous, sequence, events[sequence]);
            messages.add(message(sequence, events[sequence], previous, hash));
            previous = hash;
        }
        return messages;
    }

    private DomainEventMessage<?> message(long sequence, Object payload, String previousHash, String hash) {
        return new GenericDomainEventMessage<>("Case", caseId.toString(), sequence, payload,
                MetaData.with(HashChain.PREVIOUS_HASH, previousHash).and(HashChain.HASH, hash));
    }

    private List<DomainEventMessage<?>> history() {
        return chained(new CaseOpened(caseId, "org-a", "HVN-2026-000001", new Client("Olena", "Kovalenko", LocalDate.of(1990, 5, 1), "UA", "en"),
                null, false), new CaseAssigned(caseId, "maria"), new CaseAssigned(caseId, "olek"), new CaseAssigned(caseId, "ivan"));
    }

    @Test
    void anUntouchedHistoryIsValid() {
        assertThat(ChainVerification.of(history().iterator(), 4)).isEqualTo(new ChainVerification(true, 4, null));
    }

    @Test
    void anEditedPayloadBreaksTheChainAtItsSequence() {
        List<DomainEventMessage<?>> events = history();
        DomainEventMessage<?> original = events.get(2);
        events.set(2, message(2, new CaseAssigned(caseId, "mallory"), (String) original.getMetaData().get(HashChain.PREVIOUS_HASH),
                (String) original.getMetaData().get(HashChain.HASH)));

        assertThat(ChainVerification.of(events.iterator(), 4)).isEqualTo(new ChainVerification(false, 4, 2L));
    }

    @Test
    void aRecomputedHashStillBreaksTheLinkToTheNextEvent() {
        List<DomainEventMessage<?>> events = history();
        CaseAssigned forged = new CaseAssigned(caseId, "mallory");
        String previous = (String) events.get(1).getMetaData().get(HashChain.HASH);
        events.set(2, message(2, forged, previous, HashChain.next(previous, 2, forged)));

        assertThat(ChainVerification.of(events.iterator(), 4).firstBrokenSequence()).isEqualTo(3L);
    }

    @Test
    void aMissingEventBreaksTheChainWhereItWas() {
        List<DomainEventMessage<?>> events = history();
        events.remove(1);

        assertThat(ChainVerification.of(events.iterator(), 3)).isEqualTo(new ChainVerification(false, 3, 1L));
    }

    @Test
    void aPayloadThatNoLongerReadsBreaksTheChainAtItsSequence() {
        List<DomainEventMessage<?>> events = history();
        DomainEventMessage<?> original = events.get(1);
        events.set(1, new GenericDomainEventMessage<Object>("Case", caseId.toString(), 1, "unused", original.getMetaData()) {
            @Override
            public Object getPayload() {
                throw new SerializationException("unreadable");
            }
        });

        assertThat(ChainVerification.of(events.iterator(), 4)).isEqualTo(new ChainVerification(false, 4, 1L));
    }

    @Test
    void aHistoryThatCannotBeReadOnBreaksWhereReadingStopped() {
        Iterator<DomainEventMessage<?>> readable = history().subList(0, 2).iterator();
        Iterator<DomainEventMessage<?>> failing = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public DomainEventMessage<?> next() {
                if (readable.hasNext()) {
                    return readable.next();
                }
                throw new SerializationException("cannot upcast");
            }
        };

        assertThat(ChainVerification.of(failing, 4)).isEqualTo(new ChainVerification(false, 4, 2L));
    }
}
