package org.prolo.portal.figures;

import java.time.LocalDate;
import java.util.List;

/**
 * Scheduling's answer to {@code POST /api/capacity}.
 *
 * @param extraSlots the day's extra slots now, those added before included
 * @param booked the waiting referrals booked into them at once, in service order
 */
public record AddedSlots(LocalDate date, int extraSlots, List<String> booked) {

	public AddedSlots {
		booked = (booked != null) ? List.copyOf(booked) : List.of();
	}

}
