package org.prolo.notification.outbox;

import org.prolo.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries letters whose sending failed (SMTP or Kafka down) without waiting for a
 * restart. Only publications older than the interval are resubmitted, so one still in
 * flight is left alone.
 */
@Component
class OutboxRetry {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

	private final IncompleteEventPublications incomplete;

	private final NotificationProperties properties;

	OutboxRetry(IncompleteEventPublications incomplete, NotificationProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${prolo.notification.outbox-retry:PT1M}",
			initialDelayString = "${prolo.notification.outbox-retry:PT1M}")
	void resubmit() {
		log.debug("Resubmitting outstanding letters older than {}", properties.outboxRetry());
		incomplete.resubmitIncompletePublicationsOlderThan(properties.outboxRetry());
	}

}
