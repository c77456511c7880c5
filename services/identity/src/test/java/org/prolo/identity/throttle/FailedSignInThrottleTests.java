package org.prolo.identity.throttle;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.prolo.platform.testing.MovingClock;

import static org.assertj.core.api.Assertions.assertThat;

class FailedSignInThrottleTests {

	private final MovingClock clock = new MovingClock(Instant.parse("2026-01-05T09:00:00Z"));

	private final FailedSignInThrottle throttle = new FailedSignInThrottle(
			new FailedSignInThrottle.Limits(3, Duration.ofMinutes(10), Duration.ofMinutes(15)), this.clock, 100);

	@Test
	void locksAKeyOutAtTheThirdFailureWithinTheWindowUntilTheLockoutEnds() {
		assertThat(this.throttle.failed("leo")).isFalse();
		assertThat(this.throttle.failed("leo")).isFalse();
		assertThat(this.throttle.isLockedOut("leo")).isFalse();

		assertThat(this.throttle.failed("leo")).isTrue();

		assertThat(this.throttle.isLockedOut("leo")).isTrue();
		assertThat(this.throttle.isLockedOut("clara")).isFalse();
		this.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
		assertThat(this.throttle.isLockedOut("leo")).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.isLockedOut("leo")).isFalse();
	}

	@Test
	void failuresOlderThanTheWindowNoLongerCount() {
		this.throttle.failed("leo");
		this.throttle.failed("leo");
		this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

		assertThat(this.throttle.failed("leo")).isFalse();
		assertThat(this.throttle.failed("leo")).isFalse();
		assertThat(this.throttle.failed("leo")).isTrue();
	}

	@Test
	void aSuccessForgetsTheFailures() {
		this.throttle.failed("leo");
		this.throttle.failed("leo");

		this.throttle.succeeded("leo");

		assertThat(this.throttle.failed("leo")).isFalse();
		assertThat(this.throttle.failed("leo")).isFalse();
		assertThat(this.throttle.isLockedOut("leo")).isFalse();
	}

	@Test
	void remembersNoMoreKeysThanItsCapacity() {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("leo");
		}
		this.clock.advance(Duration.ofMinutes(11));
		for (int i = 0; i < 1_000; i++) {
			this.throttle.failed("made-up-" + i);
			this.clock.advance(Duration.ofMillis(1));
		}

		assertThat(this.throttle.size()).isLessThanOrEqualTo(100);
	}

	@Test
	void spentKeysMakeRoomBeforeALockedOutOne() {
		FailedSignInThrottle small = new FailedSignInThrottle(
				new FailedSignInThrottle.Limits(2, Duration.ofMinutes(1), Duration.ofHours(1)), this.clock, 3);
		small.failed("leo");
		small.failed("leo");
		small.failed("a");
		small.failed("b");
		this.clock.advance(Duration.ofMinutes(2));

		small.failed("c");
		small.failed("d");

		assertThat(small.isLockedOut("leo")).as("a and b, whose failures have aged out, went first").isTrue();
		assertThat(small.size()).isEqualTo(3);
	}

}
