package org.prolo.scheduling.listener;

import org.prolo.scheduling.booking.Referrals;
import org.prolo.scheduling.booking.WaitingList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: keep a submitted referral's pseudonym and urgency. Idempotent by the referral
 * id, so a redelivery changes nothing; an entry already waiting takes the urgency over.
 */
@Service
public class KnowReferrals {

	private static final Logger log = LoggerFactory.getLogger(KnowReferrals.class);

	private static final String URGENT = "URGENT";

	private final Referrals referrals;

	private final WaitingList waitingList;

	KnowReferrals(Referrals referrals, WaitingList waitingList) {
		this.referrals = referrals;
		this.waitingList = waitingList;
	}

	@Transactional
	public void submitted(String referralId, String patientPseudonym, String urgency) {
		if (!referrals.record(referralId, patientPseudonym, urgency)) {
			log.debug("Referral {} already known", referralId);
			return;
		}
		waitingList.urgency(referralId, URGENT.equals(urgency));
	}

}
