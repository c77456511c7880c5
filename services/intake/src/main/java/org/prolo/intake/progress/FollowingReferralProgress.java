package org.prolo.intake.progress;

import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralProgress;
import org.prolo.intake.referral.Referrals;
import org.prolo.platform.events.UnhandledEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: the status a physician sees follows what the clinic's workflow reports. */
@Service
public class FollowingReferralProgress {

	private static final Logger log = LoggerFactory.getLogger(FollowingReferralProgress.class);

	private final Referrals referrals;

	FollowingReferralProgress(Referrals referrals) {
		this.referrals = referrals;
	}

	/**
	 * Applies one event (the listeners drop redeliveries).
	 * @param eventType the event's CloudEvents type, for the log
	 * @throws UnhandledEventException for a referral intake does not know (parked in the
	 * dead-letter topic)
	 */
	@Transactional
	public void follow(String eventType, String referralId, ReferralProgress progress) {
		Referral current = referrals.lockById(referralId)
			.orElseThrow(() -> new UnhandledEventException("No referral " + referralId + " in intake"));
		Referral next = current.progress(progress);
		if (next.equals(current)) {
			log.info("Referral {} stays {}: {} changes nothing", referralId, current.status(), eventType);
			return;
		}
		referrals.update(next);
		log.info("Referral {} {} -> {} after {}", referralId, current.status(), next.status(), eventType);
	}

}
