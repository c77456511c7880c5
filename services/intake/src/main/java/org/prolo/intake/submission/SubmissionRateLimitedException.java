package org.prolo.intake.submission;

import java.time.Duration;

/** The physician submitted more than the rate limit allows; they may retry later. */
public class SubmissionRateLimitedException extends RuntimeException {

	private final Duration retryAfter;

	public SubmissionRateLimitedException(int perMinute, int burst, Duration retryAfter) {
		super("At most " + perMinute + " referrals a minute per physician (" + burst + " at once); try again in "
				+ seconds(retryAfter) + " s.");
		this.retryAfter = retryAfter;
	}

	/** When a token will be there again. */
	public Duration retryAfter() {
		return retryAfter;
	}

	/** For the Retry-After header: whole seconds, rounded up, at least 1. */
	public long retryAfterSeconds() {
		return seconds(retryAfter);
	}

	private static long seconds(Duration duration) {
		long seconds = duration.getSeconds() + ((duration.getNano() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
