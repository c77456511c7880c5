package org.prolo.portal.intake;

/**
 * Intake did not answer in time, could not be reached, or failed (5xx or an answer the
 * portal cannot read).
 */
public class IntakeUnavailableException extends IntakeException {

	IntakeUnavailableException(String message) {
		super(message);
	}

	IntakeUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
