package org.prolo.notification.referrer;

import org.prolo.notification.letter.Addressee;

/**
 * The referring physician of one referral, and the pseudonym and condition a letter
 * mentions.
 */
public record ReferrerContact(String referralId, String referrerId, String referrerName, String referrerEmail,
		String patientPseudonym, String condition) {

	public Addressee addressee() {
		return new Addressee(referralId, referrerName, referrerEmail, patientPseudonym, condition);
	}

}
