package org.prolo.intake.information;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.prolo.intake.audit.AuditTrail;
import org.prolo.intake.referral.Actor;
import org.prolo.intake.referral.InformationWasProvided;
import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralAccess;
import org.prolo.intake.referral.ReferralIdentities;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.referral.Referrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: the referrer answers a pending request for information; triage resumes. Only
 * the referrer may ({@link ReferralAccess#toChange}).
 */
@Service
public class AnsweringInformationRequest {

	private static final Logger log = LoggerFactory.getLogger(AnsweringInformationRequest.class);

	private final Referrals referrals;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditTrail audit;

	AnsweringInformationRequest(Referrals referrals, ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
		this.referrals = referrals;
		this.events = events;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * @throws ReferralNotFoundException when there is none, or it is another physician's
	 * @throws org.prolo.intake.referral.ReferralAccessDeniedException when the actor is
	 * staff
	 * @throws org.prolo.intake.referral.ReferralStateConflictException when no request is
	 * pending
	 */
	@Transactional
	public Referral answer(Actor actor, String referralId, String answer) {
		Referral answered = referrals.lockForChangeBy(actor, referralId).answerInformationRequest();
		referrals.update(answered);
		events.publishEvent(new InformationWasProvided(ReferralIdentities.newEventId(), answered.id(),
				clock.instant().truncatedTo(ChronoUnit.MILLIS), answer));
		audit.changed(answered.id());
		log.info("Referral {}: information provided, back to triage", answered.id());
		return answered;
	}

}
