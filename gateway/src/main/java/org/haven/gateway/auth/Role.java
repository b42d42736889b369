package org.haven.gateway.auth;

/** The roles of architecture.md, by the names the services expect in the identity token's {@code roles} claim. */
public enum Role {
    INTAKE, CASEWORKER, AUDITOR, ADMIN
}
