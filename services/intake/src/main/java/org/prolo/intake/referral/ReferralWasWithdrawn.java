package org.prolo.intake.referral;

import java.time.Instant;

/** Domain event: the referrer withdrew the referral, optionally saying why. */
public record ReferralWasWithdrawn(String referralId, Instant withdrawnAt, String referrerId, String reason) {

	@Override
	public String toString() {
		return "ReferralWasWithdrawn[" + referralId + "]";
	}

}
