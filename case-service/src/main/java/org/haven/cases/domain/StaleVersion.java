package org.haven.cases.domain;

/** The client's {@code If-Match} version is not the case's current version; nothing is recorded (412). */
public class StaleVersion extends RuntimeException {

    public StaleVersion(long expected, long actual) {
        super("The case is at version " + actual + ", not " + expected + "; reload it and try again");
    }
}
