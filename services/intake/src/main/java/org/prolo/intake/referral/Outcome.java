package org.prolo.intake.referral;

import java.time.Instant;

import org.prolo.referralstatus.ReferralStatus;

/**
 * How a referral ended (or, for a triage rejection, is about to end).
 *
 * @param code the closed status
 * @param reasonCode the clinic's reason code, for example NOT_CHRONIC
 * @param note the clinic's note to the referrer, or the referrer's reason for a
 * withdrawal
 * @param closedAt when it ended
 */
public record Outcome(ReferralStatus code, String reasonCode, String note, Instant closedAt) {

	@Override
	public String toString() {
		return "Outcome[" + code + ", " + reasonCode + "]";
	}

}
