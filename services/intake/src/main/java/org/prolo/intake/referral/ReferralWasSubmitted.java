package org.prolo.intake.referral;

import java.time.Instant;

/**
 * Domain event: a referral was accepted for triage. Carries the pseudonym only, never the
 * patient's name, birth date or address, since it is stored in the outbox and published.
 */
public record ReferralWasSubmitted(String referralId, Instant submittedAt, Referrer referrer, String patientPseudonym,
		ClinicalFindings clinical, Urgency urgency) {

	public static ReferralWasSubmitted of(Referral referral) {
		return new ReferralWasSubmitted(referral.id(), referral.submittedAt(), referral.referrer(),
				referral.patient().pseudonym(), referral.clinical(), referral.urgency());
	}

}
