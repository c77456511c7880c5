package org.prolo.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock in UTC that stands still until the test moves it, so that whatever a test waits
 * for (a lease, a lock-out, a token's expiry, a stage's duration) comes without waiting.
 * Threads the test starts see where it was moved.
 */
public final class MovingClock extends Clock {

	private volatile Instant now;

	public MovingClock(Instant start) {
		this.now = start;
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	public void set(Instant instant) {
		this.now = instant;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
