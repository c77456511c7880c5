package org.prolo.scheduling.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Where bookings are kept; implemented by an adapter. */
public interface Appointments {

	boolean hasBookings(String referralId, Purpose purpose);

	int bookedOn(LocalDate day);

	void add(List<Appointment> appointments, Instant bookedAt);

	/** Exam first, then the course in session order. */
	List<BookedAppointment> of(String referralId);

	/** An appointment with when it was booked. */
	record BookedAppointment(Appointment appointment, Instant bookedAt) {
	}

}
