package org.prolo.intake.submission;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token bucket with time passed in: no waiting, no clock. */
class TokenBucketTests {

	static final long SECOND = Duration.ofSeconds(1).toNanos();

	@Test
	void allowsABurstThenRefusesUntilATokenGrowsBack() {
		var bucket = new TokenBucket(3, 30, 0);

		assertThat(bucket.tryTake(0)).isZero();
		assertThat(bucket.tryTake(0)).isZero();
		assertThat(bucket.tryTake(0)).isZero();
		// 30 a minute: one token every 2 s.
		assertThat(bucket.tryTake(0)).isEqualTo(2 * SECOND);
		assertThat(bucket.tryTake(SECOND / 2)).isEqualTo(3 * SECOND / 2);
		assertThat(bucket.tryTake(2 * SECOND)).isZero();
		assertThat(bucket.tryTake(2 * SECOND)).isPositive();
	}

	@Test
	void refillsNoFurtherThanTheBurst() {
		var bucket = new TokenBucket(2, 60, 0);
		bucket.tryTake(0);
		bucket.tryTake(0);

		long anHourLater = 3600 * SECOND;

		assertThat(bucket.isFull(anHourLater)).isTrue();
		assertThat(bucket.tryTake(anHourLater)).isZero();
		assertThat(bucket.tryTake(anHourLater)).isZero();
		assertThat(bucket.tryTake(anHourLater)).isPositive();
	}

	@Test
	void aLimitPerPhysicianLeavesOthersAlone() {
		long[] now = { 0 };
		var limit = new SubmissionRateLimit(1, 2, () -> now[0]);

		limit.acquire("dr-ada");
		limit.acquire("dr-ada");
		var refused = org.assertj.core.api.Assertions.catchThrowableOfType(SubmissionRateLimitedException.class,
				() -> limit.acquire("dr-ada"));
		limit.acquire("dr-ben");

		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(1));
		assertThat(refused.retryAfterSeconds()).isEqualTo(60);
		now[0] = Duration.ofMinutes(1).toNanos();
		limit.acquire("dr-ada");
	}

	@Test
	void refusesALimitThatAllowsNothing() {
		assertThatThrownBy(() -> new SubmissionRateLimit(0, 10, System::nanoTime))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SubmissionRateLimit(30, 0, System::nanoTime))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
