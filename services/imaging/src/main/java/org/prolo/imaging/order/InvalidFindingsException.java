package org.prolo.imaging.order;

import java.util.List;

/**
 * A report was refused; carries every bad field at once so the radiologist fixes them in
 * one go.
 */
public class InvalidFindingsException extends RuntimeException {

	private final List<FieldViolation> violations;

	public InvalidFindingsException(List<FieldViolation> violations) {
		super("Invalid report: " + violations.stream().map(FieldViolation::field).toList());
		this.violations = List.copyOf(violations);
	}

	public List<FieldViolation> violations() {
		return violations;
	}

}
