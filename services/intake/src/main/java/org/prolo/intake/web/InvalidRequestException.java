package org.prolo.intake.web;

import java.util.List;

/**
 * A request an adapter rejects itself (for example a bad header), answered like a
 * validation failure.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldProblem> errors;

	public InvalidRequestException(List<FieldProblem> errors) {
		super("Invalid request: " + errors.stream().map(FieldProblem::field).toList());
		this.errors = List.copyOf(errors);
	}

	public List<FieldProblem> errors() {
		return errors;
	}

}
