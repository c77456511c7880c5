package org.prolo.intake.referral;

/** No referral has this id. */
public class ReferralNotFoundException extends RuntimeException {

	private final String referralId;

	public ReferralNotFoundException(String referralId) {
		super("No referral " + referralId);
		this.referralId = referralId;
	}

	public String referralId() {
		return referralId;
	}

}
