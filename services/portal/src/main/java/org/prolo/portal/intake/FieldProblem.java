package org.prolo.portal.intake;

/**
 * One entry of the {@code errors} of intake's problem+json: a field (dotted path, e.g.
 * patient.birthDate) and intake's message. Neither holds the value that was sent.
 */
public record FieldProblem(String field, String message) {

}
