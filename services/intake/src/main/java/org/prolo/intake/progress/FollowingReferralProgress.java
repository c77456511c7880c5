package org.prolo.intake.progress;

import java.time.Instant;
import java.util.function.UnaryOperator;

import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.ReferralProgress;
import org.prolo.intake.referral.Referrals;
import org.prolo.platform.events.UnhandledEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: the status a physician sees follows what the clinic's workflow reports, and
 * beside it whether the planned course waits for dates, as scheduling reports.
 */
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
		change(eventType, referralId, referral -> referral.progress(progress));
	}

	/**
	 * Applies one of scheduling's events about the planned course's place on the waiting
	 * list, as {@link #follow} does.
	 * @param waiting whether the course went on the list, or left it (booked or taken
	 * off)
	 * @param at scheduling's time of the event
	 */
	@Transactional
	public void followCourseWait(String eventType, String referralId, boolean waiting, Instant at) {
		change(eventType, referralId,
				referral -> waiting ? referral.courseWaitlisted(at) : referral.courseWaitEnded(at));
	}

	private void change(String eventType, String referralId, UnaryOperator<Referral> change) {
		Referral current = referrals.lockById(referralId)
			.orElseThrow(() -> new UnhandledEventException("No referral " + referralId + " in intake"));
		Referral next = change.apply(current);
		if (next.equals(current)) {
			log.info("Referral {} stays {}: {} changes nothing", referralId, current.shown(), eventType);
			return;
		}
		referrals.update(next);
		log.info("Referral {} {} -> {} after {}", referralId, current.shown(), next.shown(), eventType);
	}

}
