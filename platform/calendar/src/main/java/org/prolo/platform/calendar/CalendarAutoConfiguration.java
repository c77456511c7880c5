package org.prolo.platform.calendar;

import org.prolo.calendar.ClinicCalendar;
import org.prolo.calendar.ClosedDays;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The clinic calendar from {@code prolo.clinic.*}; a bad closed day stops start-up. */
@AutoConfiguration
@EnableConfigurationProperties(ClinicProperties.class)
public class CalendarAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClinicCalendar clinicCalendar(ClinicProperties properties) {
		return new ClinicCalendar(properties.timeZone(), ClosedDays.parse(properties.closedDays()));
	}

}
