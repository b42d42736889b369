package org.haven.support.kafka;

/** A message on the case-events topic that no retry will make readable; it is logged and skipped. */
public class MalformedCaseEventException extends RuntimeException {

    public MalformedCaseEventException(String message) {
        super(message);
    }

    public MalformedCaseEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
