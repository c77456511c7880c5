package org.prolo.scheduling.booking;

import java.time.LocalDate;
import java.util.Map;

/**
 * Extra slots clinic leads added on days, on top of the daily capacity; an adapter keeps
 * them.
 */
public interface Capacity {

	/**
	 * @return the day's extra slots after the addition
	 */
	int addSlots(LocalDate day, int slots);

	/** Extra slots of every day from {@code from} on. */
	Map<LocalDate, Integer> extraSlotsFrom(LocalDate from);

}
