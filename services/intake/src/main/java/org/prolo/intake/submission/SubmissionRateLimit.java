package org.prolo.intake.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many referrals one physician may submit: a {@link TokenBucket} per physician,
 * {@code intake.submissions.rate-limit.per-minute} (30) a minute with bursts of
 * {@code intake.submissions.rate-limit.burst} (10). It protects the clinic's queue from a
 * runaway client (an EHR retrying in a loop without an Idempotency-Key); no physician
 * refers that many patients by hand.
 *
 * <p>
 * The buckets are rows of the service's database ({@link SubmissionBudgets}), so that
 * every intake node spends from the same budget: two nodes behind a load balancer allow
 * the rate once, not twice, and a restart forgets nothing. Time is the nodes' wall clock
 * (a monotonic clock is one process's own); nodes whose clocks disagree by a second move
 * a refill by that second, which a limit of this size does not notice.
 */
@Component
class SubmissionRateLimit {

	private static final Logger log = LoggerFactory.getLogger(SubmissionRateLimit.class);

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final int perMinute;

	private final int burst;

	private final TokenBucket bucket;

	private final SubmissionBudgets budgets;

	private final LongSupplier epochNanos;

	@Autowired
	SubmissionRateLimit(@Value("${intake.submissions.rate-limit.per-minute:30}") int perMinute,
			@Value("${intake.submissions.rate-limit.burst:10}") int burst, SubmissionBudgets budgets, Clock clock) {
		this(perMinute, burst, budgets, () -> epochNanos(clock.instant()));
	}

	SubmissionRateLimit(int perMinute, int burst, SubmissionBudgets budgets, LongSupplier epochNanos) {
		if (perMinute < 1 || burst < 1) {
			throw new IllegalArgumentException(
					"intake.submissions.rate-limit.per-minute and .burst must be at least 1 (raise them to lift the limit)");
		}
		this.perMinute = perMinute;
		this.burst = burst;
		this.bucket = new TokenBucket(burst, perMinute);
		this.budgets = budgets;
		this.epochNanos = epochNanos;
	}

	/**
	 * Takes one submission from the physician's budget.
	 * @throws SubmissionRateLimitedException when it is spent
	 */
	void acquire(String physicianId) {
		long now = epochNanos.getAsLong();
		long[] wait = { 0 };
		budgets.update(physicianId, now, fullAt -> {
			TokenBucket.Take take = bucket.tryTake(fullAt, now);
			wait[0] = take.waitNanos();
			return take.fullAt();
		});
		if (wait[0] > 0) {
			Duration retryAfter = Duration.ofNanos(wait[0]);
			// Debug only: a runaway client is refused many times a second.
			log.debug("Submission by {} refused: more than {} a minute ({} at once)", physicianId, perMinute, burst);
			throw new SubmissionRateLimitedException(perMinute, burst, retryAfter);
		}
	}

	private static long epochNanos(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
	}

}
