package org.prolo.intake.submission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.prolo.intake.referral.ReferralWasSubmitted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts a referral once its submission committed; an idempotent replay publishes no
 * event and counts nothing. A plain @EventListener: Spring Modulith keeps outbox entries
 * only for transactional listeners.
 */
@Component
class SubmissionMetrics {

	static final String SUBMITTED = "prolo.referrals.submitted";

	private final Counter submitted;

	SubmissionMetrics(MeterRegistry registry) {
		this.submitted = Counter.builder(SUBMITTED)
			.description("Referrals submitted (replays with the same Idempotency-Key not counted)")
			.register(registry);
	}

	@EventListener
	void on(ReferralWasSubmitted event) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			submitted.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				submitted.increment();
			}
		});
	}

}
