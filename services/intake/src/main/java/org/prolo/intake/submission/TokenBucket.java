package org.prolo.intake.submission;

/**
 * A token bucket: it holds up to {@code burst} tokens, gains {@code perMinute} tokens a
 * minute, and each submission takes one. Kept as the time at which the bucket would be
 * full again (the generic cell rate algorithm), which is exact in whole nanoseconds. Time
 * is passed in (a monotonic clock's nanoseconds), so that the rule can be tested without
 * waiting.
 */
final class TokenBucket {

	private static final long NANOS_PER_MINUTE = 60_000_000_000L;

	/** The time one token takes to grow back. */
	private final long interval;

	/** How far ahead of now the bucket may be booked: all tokens but one. */
	private final long tolerance;

	/** When the bucket is full again. */
	private long fullAt;

	TokenBucket(int burst, int perMinute, long now) {
		if (burst < 1 || perMinute < 1) {
			throw new IllegalArgumentException("burst and perMinute must be at least 1");
		}
		this.interval = Math.max(1, NANOS_PER_MINUTE / perMinute);
		this.tolerance = (burst - 1) * this.interval;
		this.fullAt = now;
	}

	/**
	 * Takes a token if there is one.
	 * @return 0 when taken, else the nanoseconds until a token will be there
	 */
	synchronized long tryTake(long now) {
		long booked = Math.max(fullAt, now);
		long ahead = booked - now;
		if (ahead > tolerance) {
			return ahead - tolerance;
		}
		fullAt = booked + interval;
		return 0;
	}

	/** Full again: the caller has not submitted for a while, so the bucket can go. */
	synchronized boolean isFull(long now) {
		return fullAt <= now;
	}

}
