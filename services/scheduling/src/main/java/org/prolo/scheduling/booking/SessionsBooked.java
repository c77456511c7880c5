package org.prolo.scheduling.booking;

import java.time.Instant;
import java.util.List;

/**
 * Domain event: appointments were booked for a referral. Published in the booking
 * transaction (outbox).
 *
 * @param eventId chosen in the booking transaction and stored with the event, so every
 * copy the outbox sends goes out under the same CloudEvents id
 */
public record SessionsBooked(String eventId, String referralId, Purpose purpose, List<Appointment> appointments,
		Instant bookedAt) {

	public SessionsBooked {
		appointments = List.copyOf(appointments);
	}

}
