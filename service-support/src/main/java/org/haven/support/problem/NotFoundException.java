package org.haven.support.problem;

/** A resource that does not exist for the caller — also what another organization's resource looks like. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String detail) {
        super(detail);
    }
}
