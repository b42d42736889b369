package org.haven.cases.domain;

/** A command that breaks one of the case's invariants; nothing is recorded and the reason is answered (409). */
public class CaseRuleViolation extends RuntimeException {

    public CaseRuleViolation(String reason) {
        super(reason);
    }
}
