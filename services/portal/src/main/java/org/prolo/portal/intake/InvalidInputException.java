package org.prolo.portal.intake;

import java.util.List;

import org.prolo.platform.security.problems.FieldProblem;

/** Intake's 400: every bad field, as intake names it (dotted path) with its message. */
public class InvalidInputException extends IntakeException {

	private final transient List<FieldProblem> errors;

	InvalidInputException(List<FieldProblem> errors) {
		super("Intake refused " + errors.size() + " field(s)");
		this.errors = List.copyOf(errors);
	}

	public List<FieldProblem> errors() {
		return errors;
	}

}
