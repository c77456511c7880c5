package org.prolo.intake.referral;

import org.prolo.referralstatus.ReferralStatus;

/** The physician asked for something the referral's current status does not allow. */
public class ReferralStateConflictException extends RuntimeException {

	private final String referralId;

	private final ReferralStatus status;

	public ReferralStateConflictException(String referralId, ReferralStatus status, String why) {
		super("Referral " + referralId + " is " + status + ": " + why);
		this.referralId = referralId;
		this.status = status;
	}

	public String referralId() {
		return referralId;
	}

	public ReferralStatus status() {
		return status;
	}

}
