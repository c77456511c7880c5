package org.prolo.intake.submission;

import java.time.Clock;
import java.util.Optional;

import org.prolo.intake.audit.AuditTrail;
import org.prolo.intake.referral.Actor;
import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralAccess;
import org.prolo.intake.referral.ReferralAccessDeniedException;
import org.prolo.intake.referral.ReferralDraft;
import org.prolo.intake.referral.ReferralIdentities;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.referral.ReferralWasSubmitted;
import org.prolo.intake.referral.Referrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: a physician submits a referral in their own name. The referral, its
 * Idempotency-Key, the ReferralWasSubmitted publication (outbox) and its audit row are
 * stored in one transaction. A replay answers the earlier referral without taking from
 * the physician's {@link SubmissionRateLimit}: a client retrying after a lost answer must
 * not lock itself out.
 */
@Service
public class SubmittingReferral {

	private static final Logger log = LoggerFactory.getLogger(SubmittingReferral.class);

	private final Referrals referrals;

	private final IdempotencyKeys keys;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final SubmissionRateLimit rateLimit;

	private final AuditTrail audit;

	SubmittingReferral(Referrals referrals, IdempotencyKeys keys, ApplicationEventPublisher events,
			TransactionTemplate transaction, Clock clock, SubmissionRateLimit rateLimit, AuditTrail audit) {
		this.referrals = referrals;
		this.keys = keys;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.rateLimit = rateLimit;
		this.audit = audit;
	}

	/**
	 * @param submitter who submits: a physician, who must be the draft's referrer
	 * @param idempotencyKey the client's key, if it sent one
	 * @param requestHash a hash of the request, compared when the key comes again
	 * @throws ReferralAccessDeniedException when the submitter is not the referrer
	 * @throws IdempotencyKeyReusedException when the submitter sent the key before with
	 * another request
	 * @throws SubmissionRateLimitedException when the submitter submitted too many
	 * @throws org.prolo.intake.referral.InvalidReferralException when the draft breaks
	 * the policy
	 */
	public Submission submit(Actor submitter, ReferralDraft draft, Optional<String> idempotencyKey,
			String requestHash) {
		if (ReferralAccess.toSubmitAs(submitter, draft.referrerId()) != ReferralAccess.Decision.ALLOWED) {
			throw new ReferralAccessDeniedException("referrer.id",
					"must be your own id (" + submitter.id() + "): physicians refer in their own name");
		}
		// Before the budget: a key and body seen before are the same referral, and cost
		// nothing. Keys are the submitter's own: another physician's use of the same key
		// is never seen here.
		if (idempotencyKey.isPresent()) {
			Optional<Submission> replay = replay(submitter.id(), idempotencyKey.get(), requestHash);
			if (replay.isPresent()) {
				return replay.get();
			}
		}
		rateLimit.acquire(submitter.id());
		try {
			return transaction.execute(status -> create(draft, idempotencyKey, requestHash));
		}
		catch (DuplicateKeyException ex) {
			// A concurrent request with the same key won; this one rolled back and
			// answers like a replay.
			return idempotencyKey.flatMap(key -> replay(submitter.id(), key, requestHash)).orElseThrow(() -> ex);
		}
	}

	private Submission create(ReferralDraft draft, Optional<String> idempotencyKey, String requestHash) {
		Referral referral = Referral.submit(ReferralIdentities.newReferralId(), draft,
				ReferralIdentities.newPseudonym(), clock.instant());
		referrals.add(referral);
		idempotencyKey
			.ifPresent(key -> keys.add(new IdempotentRequest(referral.referrer().id(), key, requestHash, referral.id()),
					referral.submittedAt()));
		events.publishEvent(ReferralWasSubmitted.of(ReferralIdentities.newEventId(), referral));
		audit.changed(referral.id());
		log.info("Referral {} submitted by {} for patient {}", referral.id(), referral.referrer().id(),
				referral.patient().pseudonym());
		return new Submission(referral, false);
	}

	private Optional<Submission> replay(String referrerId, String key, String requestHash) {
		return keys.find(referrerId, key).map(earlier -> {
			if (!earlier.isReplayOf(requestHash)) {
				throw new IdempotencyKeyReusedException();
			}
			Referral referral = referrals.findById(earlier.referralId())
				.orElseThrow(() -> new ReferralNotFoundException(earlier.referralId()));
			audit.concerning(referral.id());
			log.info("Replayed submission of referral {} for a repeated Idempotency-Key", referral.id());
			return new Submission(referral, true);
		});
	}

}
