package org.haven.support.problem;

/** One entry of a problem's {@code errors[]}: which field, and what is wrong with it. */
public record FieldError(String field, String message) {
}
