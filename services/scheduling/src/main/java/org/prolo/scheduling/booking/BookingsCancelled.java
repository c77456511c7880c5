package org.prolo.scheduling.booking;

import java.time.Instant;
import java.util.List;

import org.prolo.scheduling.booking.Appointments.CancelledAppointment;

/**
 * Domain event: a close cancelled a referral's booked appointments. Published in the
 * cancelling transaction (outbox).
 *
 * @param eventId chosen in the cancelling transaction and stored with the event, so every
 * copy the outbox sends goes out under the same CloudEvents id
 * @param reason the close's outcome
 */
public record BookingsCancelled(String eventId, String referralId, String reason,
		List<CancelledAppointment> appointments, Instant cancelledAt) {

	public BookingsCancelled {
		appointments = List.copyOf(appointments);
	}

}
