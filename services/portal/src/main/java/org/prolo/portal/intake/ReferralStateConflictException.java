package org.prolo.portal.intake;

/**
 * Intake's 409: not possible in the referral's status (already closed, no question
 * pending), usually because the status changed since the page was shown.
 */
public class ReferralStateConflictException extends IntakeException {

	private final String referralStatus;

	ReferralStateConflictException(String referralStatus) {
		super("Not possible while the referral is " + referralStatus);
		this.referralStatus = referralStatus;
	}

	/** The status intake reported, or null. */
	public String referralStatus() {
		return referralStatus;
	}

}
