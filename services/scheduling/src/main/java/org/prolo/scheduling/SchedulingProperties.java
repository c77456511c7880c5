package org.prolo.scheduling;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's calendar and capacity.
 *
 * @param leadDays the first course session is at least this many days after planning
 * @param slotsPerDay bookings the clinic takes per working day
 * @param closures ISO dates (yyyy-MM-dd) the clinic is closed on, besides weekends
 * @param zone the clinic's time zone, which decides what "today" and "the day of
 * planning" are
 */
@ConfigurationProperties("prolo.scheduling")
public record SchedulingProperties(Integer leadDays, Integer slotsPerDay, List<String> closures, ZoneId zone) {

	public SchedulingProperties {
		leadDays = (leadDays != null) ? leadDays : 7;
		slotsPerDay = (slotsPerDay != null) ? slotsPerDay : 8;
		closures = (closures != null) ? List.copyOf(closures) : List.of();
		zone = (zone != null) ? zone : ZoneId.of("UTC");
		closureDates(closures);
	}

	/**
	 * Parsed here so that a typo stops the service at start-up rather than at the first
	 * booking.
	 */
	public List<LocalDate> closureDates() {
		return closureDates(closures);
	}

	private static List<LocalDate> closureDates(List<String> closures) {
		try {
			return closures.stream().map(String::trim).filter(c -> !c.isEmpty()).map(LocalDate::parse).toList();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("prolo.scheduling.closures must be ISO dates (yyyy-MM-dd): " + closures,
					ex);
		}
	}

}
