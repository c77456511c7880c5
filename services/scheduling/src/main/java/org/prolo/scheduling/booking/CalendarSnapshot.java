package org.prolo.scheduling.booking;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calendar's bookings and extra slots read once, so that a booking, or a pass over
 * the waiting list, looks at every day of the horizon without a query per day. Counts the
 * appointments booked through it, so a later booking in the same pass sees them.
 */
public final class CalendarSnapshot implements DayBookings {

	private final Map<LocalDate, Integer> booked;

	private final Map<LocalDate, Integer> extraSlots;

	public CalendarSnapshot(Map<LocalDate, Integer> booked, Map<LocalDate, Integer> extraSlots) {
		this.booked = new HashMap<>(booked);
		this.extraSlots = Map.copyOf(extraSlots);
	}

	@Override
	public int bookedOn(LocalDate day) {
		return booked.getOrDefault(day, 0);
	}

	@Override
	public int extraSlotsOn(LocalDate day) {
		return extraSlots.getOrDefault(day, 0);
	}

	public void take(List<Appointment> appointments) {
		for (Appointment appointment : appointments) {
			booked.merge(appointment.date(), 1, Integer::sum);
		}
	}

}
