package org.prolo.portal.intake;

/** Intake could not do what a page asked; the subclasses say why. */
public abstract class IntakeException extends RuntimeException {

	IntakeException(String message) {
		super(message);
	}

	IntakeException(String message, Throwable cause) {
		super(message, cause);
	}

}
