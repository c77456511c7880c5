package org.prolo.notification;

import org.prolo.notification.letter.WritingLetters;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	WritingLetters writingLetters(NotificationProperties properties) {
		return new WritingLetters(properties.clinicName(), properties.zone());
	}

}
