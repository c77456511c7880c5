package org.prolo.intake.web;

/** One bad field of a request, as listed in a problem's {@code errors}. */
public record FieldProblem(String field, String message) {

}
