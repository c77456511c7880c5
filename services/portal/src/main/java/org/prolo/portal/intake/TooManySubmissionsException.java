package org.prolo.portal.intake;

import java.util.Optional;

/** Intake's 429: the physician's submission rate limit, with its Retry-After. */
public class TooManySubmissionsException extends IntakeException {

	private final Long retryAfterSeconds;

	TooManySubmissionsException(Long retryAfterSeconds) {
		super("Too many submissions");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public Optional<Long> retryAfterSeconds() {
		return Optional.ofNullable(retryAfterSeconds);
	}

}
