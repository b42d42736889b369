package org.haven.cases.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** A case's identity; also its aggregate identifier and the Kafka message key of its events. */
public record CaseId(@JsonValue UUID value) {

    @JsonCreator
    public CaseId {
    }

    public static CaseId newId() {
        return new CaseId(UUID.randomUUID());
    }

    public static CaseId of(String value) {
        return new CaseId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
