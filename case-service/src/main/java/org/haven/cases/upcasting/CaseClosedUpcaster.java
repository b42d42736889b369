package org.haven.cases.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.haven.cases.domain.intake.CaseClosed;
import org.springframework.stereotype.Component;

/**
 * {@code CaseClosed} revision 1 → 2: revision 1 had only a free-text {@code reason}; revision 2 adds an optional
 * {@code code}. An old closure gets an explicit {@code null} code, never one guessed from its text. Axon applies
 * every {@code EventUpcaster} bean to events read from the store (aggregates, processors, history, replays).
 */
@Component
public class CaseClosedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(CaseClosed.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CaseClosed.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode closure = ((ObjectNode) payload).deepCopy();
            if (!closure.has("code")) {
                closure.putNull("code");
            }
            return closure;
        });
    }
}
