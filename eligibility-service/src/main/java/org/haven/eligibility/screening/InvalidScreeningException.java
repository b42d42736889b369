package org.haven.eligibility.screening;

import org.haven.support.problem.FieldError;

import java.util.List;

/** A screening request with one or more invalid fields; answered 400 with every field named. */
class InvalidScreeningException extends RuntimeException {

    private final List<FieldError> errors;

    InvalidScreeningException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
