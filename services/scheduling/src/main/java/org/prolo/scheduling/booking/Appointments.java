package org.prolo.scheduling.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Where bookings are kept; implemented by an adapter. */
public interface Appointments {

	boolean hasBookings(String referralId, Purpose purpose);

	/** Appointments still booked on the day; cancelled ones have freed their slot. */
	int bookedOn(LocalDate day);

	/**
	 * Appointments still booked per day, for every day from {@code from} on that has any.
	 */
	Map<LocalDate, Integer> bookedFrom(LocalDate from);

	/**
	 * Holds every other booking until this transaction ends, so that two bookings never
	 * both take the last free slot of a day.
	 */
	void lockCalendar();

	void add(List<Appointment> appointments, Instant bookedAt);

	/** Exam first, then the course in session order, cancelled ones included. */
	List<BookedAppointment> of(String referralId);

	/**
	 * Cancels every appointment of the referral that is still booked on {@code fromDay}
	 * or later, freeing its slot. Earlier ones have taken place (or were missed): they
	 * stay as they are, since a close cannot undo them.
	 * @return what this call cancelled; empty when nothing was booked any more
	 */
	List<CancelledAppointment> cancelBooked(String referralId, LocalDate fromDay, Instant cancelledAt);

	/** An appointment with when it was booked and, once cancelled, when. */
	record BookedAppointment(Appointment appointment, Instant bookedAt, Instant cancelledAt) {

		public BookedAppointment(Appointment appointment, Instant bookedAt) {
			this(appointment, bookedAt, null);
		}

	}

	/** An appointment a close cancelled, with the store's id for it. */
	record CancelledAppointment(String id, Appointment appointment) {
	}

}
