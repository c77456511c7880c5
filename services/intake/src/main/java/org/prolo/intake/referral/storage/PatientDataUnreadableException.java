package org.prolo.intake.referral.storage;

/**
 * A stored patient value that cannot be decrypted. The message names the referral, the
 * column and the key, never the value.
 */
class PatientDataUnreadableException extends IllegalStateException {

	PatientDataUnreadableException(String message) {
		super(message);
	}

}
