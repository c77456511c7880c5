package org.prolo.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's capacity. Its time zone and closed days are the shared clinic calendar's
 * ({@code prolo.clinic.*}).
 *
 * @param leadDays the first course session is at least this many days after planning
 * @param slotsPerDay bookings the clinic takes per working day
 */
@ConfigurationProperties("prolo.scheduling")
public record SchedulingProperties(Integer leadDays, Integer slotsPerDay) {

	public SchedulingProperties {
		leadDays = (leadDays != null) ? leadDays : 7;
		slotsPerDay = (slotsPerDay != null) ? slotsPerDay : 8;
	}

}
