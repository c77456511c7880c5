package org.prolo.intake.referral;

import java.time.Instant;

/**
 * Domain event: a referral was accepted for triage. Carries the pseudonym only, never the
 * patient's name, birth date or address, since it is stored in the outbox and published.
 *
 * @param eventId chosen when the referral is submitted and stored with the event in the
 * outbox, so a re-sent publication goes out under the same CloudEvents id
 */
public record ReferralWasSubmitted(String eventId, String referralId, Instant submittedAt, Referrer referrer,
		String patientPseudonym, ClinicalFindings clinical, Urgency urgency) {

	public static ReferralWasSubmitted of(String eventId, Referral referral) {
		return new ReferralWasSubmitted(eventId, referral.id(), referral.submittedAt(), referral.referrer(),
				referral.patient().pseudonym(), referral.clinical(), referral.urgency());
	}

}
