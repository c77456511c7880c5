package org.prolo.scheduling;

import org.prolo.calendar.ClinicCalendar;
import org.prolo.scheduling.booking.BookingSessions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the plain-Java booking rule from the clinic's capacity and the shared clinic
 * calendar, so bookings skip the same closed days as the workflow's due dates.
 */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

	@Bean
	BookingSessions bookingSessions(SchedulingProperties properties, ClinicCalendar calendar) {
		return new BookingSessions(calendar, properties.slotsPerDay(), properties.leadDays());
	}

}
