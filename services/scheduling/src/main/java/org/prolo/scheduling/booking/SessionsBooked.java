package org.prolo.scheduling.booking;

import java.time.Instant;
import java.util.List;

/**
 * Domain event: appointments were booked for a referral. Published in the booking
 * transaction (outbox).
 */
public record SessionsBooked(String referralId, Purpose purpose, List<Appointment> appointments, Instant bookedAt) {

	public SessionsBooked {
		appointments = List.copyOf(appointments);
	}

}
