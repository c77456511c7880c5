package org.prolo.notification.letter;

/**
 * What a letter may say about who it is for. Deliberately has no field for the patient's
 * name, address or birth date: the notification service never receives them, and letters
 * name the patient by pseudonym only.
 */
public record Addressee(String referralId, String referrerName, String referrerEmail, String patientPseudonym,
		String condition) {
}
