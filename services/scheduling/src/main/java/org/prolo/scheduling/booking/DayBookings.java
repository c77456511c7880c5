package org.prolo.scheduling.booking;

import java.time.LocalDate;

/**
 * How many appointments the clinic already has on a day; the adapter asks the database.
 */
@FunctionalInterface
public interface DayBookings {

	int bookedOn(LocalDate day);

	/** Slots clinic leads added for the day on top of the daily capacity. */
	default int extraSlotsOn(LocalDate day) {
		return 0;
	}

}
