package org.prolo.scheduling;

import org.prolo.scheduling.booking.BookingSessions;
import org.prolo.scheduling.booking.WorkingDayCalendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the plain-Java booking rule from the clinic's settings. */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

	@Bean
	BookingSessions bookingSessions(SchedulingProperties properties) {
		return new BookingSessions(new WorkingDayCalendar(properties.closureDates()), properties.slotsPerDay(),
				properties.leadDays());
	}

}
