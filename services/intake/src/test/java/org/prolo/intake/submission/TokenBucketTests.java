package org.prolo.intake.submission;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token bucket rule with time passed in: no waiting, no clock. */
class TokenBucketTests {

	static final long SECOND = Duration.ofSeconds(1).toNanos();

	@Test
	void allowsABurstThenRefusesUntilATokenGrowsBack() {
		var bucket = new TokenBucket(3, 30);
		long fullAt = 0;

		for (int i = 0; i < 3; i++) {
			TokenBucket.Take take = bucket.tryTake(fullAt, 0);
			assertThat(take.taken()).isTrue();
			fullAt = take.fullAt();
		}
		// 30 a minute: one token every 2 s.
		assertThat(bucket.tryTake(fullAt, 0).waitNanos()).isEqualTo(2 * SECOND);
		assertThat(bucket.tryTake(fullAt, SECOND / 2).waitNanos()).isEqualTo(3 * SECOND / 2);
		TokenBucket.Take grownBack = bucket.tryTake(fullAt, 2 * SECOND);
		assertThat(grownBack.taken()).isTrue();
		assertThat(bucket.tryTake(grownBack.fullAt(), 2 * SECOND).waitNanos()).isPositive();
	}

	@Test
	void aRefusalLeavesTheBucketAsItWas() {
		var bucket = new TokenBucket(1, 60);
		long fullAt = bucket.tryTake(0, 0).fullAt();

		TokenBucket.Take refused = bucket.tryTake(fullAt, 0);

		assertThat(refused.taken()).isFalse();
		assertThat(refused.fullAt()).isEqualTo(fullAt);
	}

	@Test
	void refillsNoFurtherThanTheBurst() {
		var bucket = new TokenBucket(2, 60);
		long fullAt = bucket.tryTake(bucket.tryTake(0, 0).fullAt(), 0).fullAt();

		long anHourLater = 3600 * SECOND;

		TokenBucket.Take first = bucket.tryTake(fullAt, anHourLater);
		TokenBucket.Take second = bucket.tryTake(first.fullAt(), anHourLater);
		assertThat(first.taken()).isTrue();
		assertThat(second.taken()).isTrue();
		assertThat(bucket.tryTake(second.fullAt(), anHourLater).taken()).isFalse();
	}

	@Test
	void refusesARuleThatAllowsNothing() {
		assertThatThrownBy(() -> new TokenBucket(0, 10)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TokenBucket(10, 0)).isInstanceOf(IllegalArgumentException.class);
	}

}
