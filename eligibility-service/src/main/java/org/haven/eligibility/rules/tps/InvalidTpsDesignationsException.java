package org.haven.eligibility.rules.tps;

import java.util.List;

/** The designations file cannot be used; the service must not start with it. */
public class InvalidTpsDesignationsException extends IllegalStateException {

    public InvalidTpsDesignationsException(String source, List<String> problems) {
        super("TPS designations file " + source + " is invalid:\n - " + String.join("\n - ", problems));
    }

    public InvalidTpsDesignationsException(String source, String problem, Throwable cause) {
        super("TPS designations file " + source + " is invalid:\n - " + problem, cause);
    }
}
