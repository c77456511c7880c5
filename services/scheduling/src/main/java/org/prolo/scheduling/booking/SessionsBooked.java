package org.prolo.scheduling.booking;

import java.time.Instant;
import java.util.List;

/**
 * Domain event: appointments were booked for a referral. Published in the booking
 * transaction (outbox).
 *
 * @param eventId chosen in the booking transaction and stored with the event, so every
 * copy the outbox sends goes out under the same CloudEvents id
 * @param waitlistedAt when the referral went on the waiting list, if it waited for this
 * booking; null when it was booked at once
 */
public record SessionsBooked(String eventId, String referralId, Purpose purpose, List<Appointment> appointments,
		Instant bookedAt, Instant waitlistedAt) {

	public SessionsBooked {
		appointments = List.copyOf(appointments);
	}

}
