package org.prolo.intake.tracking;

/** The timeline service could not be asked or did not answer in time. */
public class TimelineUnavailableException extends RuntimeException {

	public TimelineUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
