package org.prolo.scheduling.booking;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One booked session of a referral.
 *
 * @param number 1-based; an exam is session 1
 */
public record Appointment(String referralId, Purpose purpose, int number, LocalDate date) {

	public Appointment {
		if (referralId == null || referralId.isBlank()) {
			throw new IllegalArgumentException("referralId must not be blank");
		}
		Objects.requireNonNull(purpose, "purpose");
		Objects.requireNonNull(date, "date");
		if (number < 1) {
			throw new IllegalArgumentException("Session numbers start at 1");
		}
	}

}
