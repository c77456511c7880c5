package org.prolo.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in a test: the real time plus however far the test has moved it on,
 * so that lock-outs end and authorizations expire without waiting.
 */
final class TestClock extends Clock {

	private volatile Duration ahead = Duration.ZERO;

	void advance(Duration duration) {
		this.ahead = this.ahead.plus(duration);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.ahead);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

}
