package org.prolo.intake.referral;

import java.time.LocalDate;

/**
 * The patient's identifying data, which never leaves intake; other services know the
 * patient only by the pseudonym.
 */
public record Patient(String pseudonym, String name, LocalDate birthDate, String address) {

	/**
	 * Only the pseudonym, so that a log line or an exception message never carries PHI.
	 */
	@Override
	public String toString() {
		return "Patient[" + pseudonym + "]";
	}

}
