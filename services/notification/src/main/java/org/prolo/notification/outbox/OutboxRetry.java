package org.prolo.notification.outbox;

import java.time.Clock;

import org.prolo.notification.NotificationProperties;
import org.prolo.platform.events.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries letters whose sending failed (SMTP or Kafka down) without waiting for a
 * restart. Only publications older than the interval are resubmitted, so one still in
 * flight is left alone. With several notification nodes it runs on one of them per
 * interval ({@link JobLeases}); the {@link LetterDispatcher}'s row lock keeps a letter
 * from being mailed twice even so.
 */
@Component
class OutboxRetry {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

	private final IncompleteEventPublications incomplete;

	private final NotificationProperties properties;

	private final JobLeases leases;

	OutboxRetry(IncompleteEventPublications incomplete, NotificationProperties properties, JdbcTemplate jdbc,
			Clock clock) {
		this.incomplete = incomplete;
		this.properties = properties;
		this.leases = new JobLeases(jdbc, clock);
	}

	@Scheduled(fixedDelayString = "${prolo.notification.outbox-retry:PT1M}",
			initialDelayString = "${prolo.notification.outbox-retry:PT1M}")
	void resubmit() {
		leases.runOncePer("notification.outbox-retry", properties.outboxRetry(), () -> {
			log.debug("Resubmitting outstanding letters older than {}", properties.outboxRetry());
			incomplete.resubmitIncompletePublicationsOlderThan(properties.outboxRetry());
		});
	}

}
