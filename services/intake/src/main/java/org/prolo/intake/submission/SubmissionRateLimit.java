package org.prolo.intake.submission;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * refers that many patients by hand. The buckets live in memory: a clinic runs one intake
 * node, so one node's count is the count, and after a restart a physician simply starts
 * with a full bucket. Several nodes would each allow the full rate.
 */
@Component
class SubmissionRateLimit {

	private static final Logger log = LoggerFactory.getLogger(SubmissionRateLimit.class);

	/** Full buckets are dropped when there are more than this many. */
	private static final int TIDY_ABOVE = 10_000;

	private final int perMinute;

	private final int burst;

	private final LongSupplier nanoTime;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	@Autowired
	SubmissionRateLimit(@Value("${intake.submissions.rate-limit.per-minute:30}") int perMinute,
			@Value("${intake.submissions.rate-limit.burst:10}") int burst) {
		this(perMinute, burst, System::nanoTime);
	}

	SubmissionRateLimit(int perMinute, int burst, LongSupplier nanoTime) {
		if (perMinute < 1 || burst < 1) {
			throw new IllegalArgumentException(
					"intake.submissions.rate-limit.per-minute and .burst must be at least 1 (raise them to lift the limit)");
		}
		this.perMinute = perMinute;
		this.burst = burst;
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes one submission from the physician's budget.
	 * @throws SubmissionRateLimitedException when it is spent
	 */
	void acquire(String physicianId) {
		long now = nanoTime.getAsLong();
		if (buckets.size() > TIDY_ABOVE) {
			buckets.values().removeIf(bucket -> bucket.isFull(now));
		}
		long wait = buckets.computeIfAbsent(physicianId, id -> new TokenBucket(burst, perMinute, now)).tryTake(now);
		if (wait > 0) {
			Duration retryAfter = Duration.ofNanos(wait);
			// Debug only: a runaway client is refused many times a second.
			log.debug("Submission by {} refused: more than {} a minute ({} at once)", physicianId, perMinute, burst);
			throw new SubmissionRateLimitedException(perMinute, burst, retryAfter);
		}
	}

}
