package org.prolo.intake.withdrawal;

import java.time.Clock;

import org.prolo.intake.audit.AuditTrail;
import org.prolo.intake.referral.Actor;
import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralAccess;
import org.prolo.intake.referral.ReferralIdentities;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.referral.ReferralWasWithdrawn;
import org.prolo.intake.referral.Referrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: the referrer withdraws a referral before it closes. It is WITHDRAWN at once;
 * the workflow learns it from ReferralWithdrawn and cancels its open tasks. Only the
 * referrer may ({@link ReferralAccess#toChange}).
 */
@Service
public class WithdrawingReferral {

	private static final Logger log = LoggerFactory.getLogger(WithdrawingReferral.class);

	private final Referrals referrals;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditTrail audit;

	WithdrawingReferral(Referrals referrals, ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
		this.referrals = referrals;
		this.events = events;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * @throws ReferralNotFoundException when there is none, or it is another physician's
	 * @throws org.prolo.intake.referral.ReferralAccessDeniedException when the actor is
	 * staff
	 * @throws org.prolo.intake.referral.ReferralStateConflictException when it is already
	 * closed
	 */
	@Transactional
	public Referral withdraw(Actor actor, String referralId, String reason) {
		Referral withdrawn = referrals.lockForChangeBy(actor, referralId).withdraw(reason, clock.instant());
		referrals.update(withdrawn);
		events.publishEvent(new ReferralWasWithdrawn(ReferralIdentities.newEventId(), withdrawn.id(),
				withdrawn.outcome().closedAt(), withdrawn.referrer().id(), reason));
		audit.changed(withdrawn.id());
		log.info("Referral {} withdrawn by {}", withdrawn.id(), withdrawn.referrer().id());
		return withdrawn;
	}

}
