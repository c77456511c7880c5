package org.prolo.scheduling.booking;

import java.time.LocalDate;

/** The calendar is closed or full for as far ahead as the clinic books. */
public class NoFreeSlotException extends RuntimeException {

	public NoFreeSlotException(LocalDate from, int days) {
		super("No working day with a free slot within " + days + " days of " + from);
	}

}
