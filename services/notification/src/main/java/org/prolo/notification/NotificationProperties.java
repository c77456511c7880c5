package org.prolo.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from sender address of every letter
 * @param clinicName how letters are signed (the time zone of their dates is the clinic
 * calendar's, {@code prolo.clinic.time-zone})
 * @param embeddedSmtp the in-process SMTP server of the demo profile
 * @param outboxRetry how often letters whose sending failed are tried again (besides at
 * restart)
 */
@ConfigurationProperties("prolo.notification")
public record NotificationProperties(@DefaultValue("referrals@prolo-clinic.example") String from,
		@DefaultValue("Prolotherapy clinic") String clinicName, @DefaultValue EmbeddedSmtp embeddedSmtp,
		@DefaultValue("PT1M") Duration outboxRetry) {

	/**
	 * @param port the SMTP port it listens on (127.0.0.1)
	 */
	public record EmbeddedSmtp(@DefaultValue("3025") int port) {
	}

}
