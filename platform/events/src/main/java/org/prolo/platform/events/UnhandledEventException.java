package org.prolo.platform.events;

/**
 * A listener received an event it cannot act on; not retried, parked in the dead-letter
 * topic with this message as the reason.
 */
public class UnhandledEventException extends RuntimeException {

	public UnhandledEventException(String message) {
		super(message);
	}

}
