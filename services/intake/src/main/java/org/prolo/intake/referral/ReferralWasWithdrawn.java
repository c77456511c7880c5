package org.prolo.intake.referral;

import java.time.Instant;

/**
 * Domain event: the referrer withdrew the referral, optionally saying why.
 *
 * @param eventId chosen in the withdrawing transaction; the CloudEvents id of every copy
 * the outbox sends
 */
public record ReferralWasWithdrawn(String eventId, String referralId, Instant withdrawnAt, String referrerId,
		String reason) {

	@Override
	public String toString() {
		return "ReferralWasWithdrawn[" + referralId + "]";
	}

}
