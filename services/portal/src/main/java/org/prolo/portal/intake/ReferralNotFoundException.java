package org.prolo.portal.intake;

/**
 * Intake knows no such referral, or not for this physician: intake answers 404 for
 * another physician's referral too, so the portal cannot tell and does not try.
 */
public class ReferralNotFoundException extends IntakeException {

	public ReferralNotFoundException() {
		super("Intake knows no such referral for this physician");
	}

}
