package org.prolo.intake.submission;

/** The client sent an Idempotency-Key again with a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

	public IdempotencyKeyReusedException() {
		super("This Idempotency-Key was already used with a different request");
	}

}
