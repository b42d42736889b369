package org.haven.support.identity;

/** The roles of architecture.md. INTAKE opens cases and records facts; AUDITOR reads and verifies only. */
public enum Role {
    INTAKE, CASEWORKER, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
