package org.haven.support.problem;

/** A request that is well formed but breaks a rule of the current state; answered 409 with the reason. */
public class ConflictException extends RuntimeException {
    public ConflictException(String detail) {
        super(detail);
    }
}
