package org.prolo.intake.submission;

/**
 * The token bucket rule: a bucket holds up to {@code burst} tokens, gains
 * {@code perMinute} tokens a minute, and each submission takes one. A bucket is kept as
 * one number, the time at which it would be full again (the generic cell rate algorithm),
 * which is exact in whole nanoseconds and fits in one database column. The rule itself
 * holds no state: time and the stored value are passed in, so that it can be tested
 * without waiting and shared by any number of nodes.
 */
final class TokenBucket {

	private static final long NANOS_PER_MINUTE = 60_000_000_000L;

	/** The time one token takes to grow back. */
	private final long interval;

	/** How far ahead of now the bucket may be booked: all tokens but one. */
	private final long tolerance;

	TokenBucket(int burst, int perMinute) {
		if (burst < 1 || perMinute < 1) {
			throw new IllegalArgumentException("burst and perMinute must be at least 1");
		}
		this.interval = Math.max(1, NANOS_PER_MINUTE / perMinute);
		this.tolerance = (burst - 1) * this.interval;
	}

	/**
	 * Takes a token if there is one.
	 * @param fullAt when the bucket is full again (a bucket never used: any time up to
	 * now)
	 * @param now the current time on the same scale
	 * @return the bucket's new {@code fullAt} and 0, or the unchanged {@code fullAt} and
	 * the nanoseconds until a token will be there
	 */
	Take tryTake(long fullAt, long now) {
		long booked = Math.max(fullAt, now);
		long ahead = booked - now;
		if (ahead > tolerance) {
			return new Take(fullAt, ahead - tolerance);
		}
		return new Take(booked + interval, 0);
	}

	/** The outcome of one attempt to take a token. */
	record Take(long fullAt, long waitNanos) {

		boolean taken() {
			return waitNanos == 0;
		}

	}

}
