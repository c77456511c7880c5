package org.prolo.notification;

import org.prolo.calendar.ClinicCalendar;
import org.prolo.notification.letter.WritingLetters;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	/** Dates in letters are the clinic's dates, as bookings and due dates are. */
	@Bean
	WritingLetters writingLetters(NotificationProperties properties, ClinicCalendar calendar) {
		return new WritingLetters(properties.clinicName(), calendar.zone());
	}

}
