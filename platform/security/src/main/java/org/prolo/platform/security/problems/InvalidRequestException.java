package org.prolo.platform.security.problems;

import java.util.List;

/**
 * A request a service rejects itself (a bad header, a combination of parameters Bean
 * Validation cannot express), answered by {@link ProblemHandling} like any validation
 * failure.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldProblem> errors;

	public InvalidRequestException(List<FieldProblem> errors) {
		super("Invalid request: " + errors.stream().map(FieldProblem::field).toList());
		this.errors = List.copyOf(errors);
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

}
