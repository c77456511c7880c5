package org.prolo.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the clinic's closed days as configured: ISO dates ({@code 2025-12-25}) and
 * inclusive runs of them ({@code 2025-12-24..2026-01-01}), so a closure over the holidays
 * is one entry rather than a list that is easy to get wrong.
 */
public final class ClosedDays {

	/** A run longer than this is a typo (a wrong year), not a closure. */
	static final long LONGEST_RUN_DAYS = 366;

	private static final String RUN = "..";

	private ClosedDays() {
	}

	/**
	 * @throws IllegalArgumentException naming the entry that is not a date or a run of
	 * dates, so a typo stops the service at start-up rather than at the first due date
	 */
	public static Set<LocalDate> parse(Collection<String> entries) {
		Set<LocalDate> days = new TreeSet<>();
		for (String raw : entries) {
			String entry = raw.trim();
			if (entry.isEmpty()) {
				continue;
			}
			int run = entry.indexOf(RUN);
			if (run < 0) {
				days.add(date(entry, entry));
				continue;
			}
			LocalDate first = date(entry.substring(0, run).trim(), entry);
			LocalDate last = date(entry.substring(run + RUN.length()).trim(), entry);
			if (last.isBefore(first)) {
				throw new IllegalArgumentException("Closed days '" + entry + "' end before they start");
			}
			if (ChronoUnit.DAYS.between(first, last) >= LONGEST_RUN_DAYS) {
				throw new IllegalArgumentException(
						"Closed days '" + entry + "' run for more than " + LONGEST_RUN_DAYS + " days");
			}
			first.datesUntil(last.plusDays(1)).forEach(days::add);
		}
		return days;
	}

	private static LocalDate date(String text, String entry) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"Closed days must be ISO dates (yyyy-MM-dd) or runs of them (yyyy-MM-dd..yyyy-MM-dd): '" + entry
							+ "'",
					ex);
		}
	}

}
