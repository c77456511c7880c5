package org.prolo.intake.publishing;

import java.time.Clock;
import java.time.Duration;

import org.prolo.platform.events.JobLeases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox relay off the request thread (@ApplicationModuleListener is @Async),
 * and retries publications the broker did not take: on restart
 * (republish-outstanding-events-on-restart) and periodically, for those older than
 * {@code intake.outbox.retry-after}. With several intake nodes the periodic retry runs on
 * one of them per interval ({@link JobLeases}): two nodes resubmitting the same
 * publication at once would put it on the broker twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class OutboxConfiguration {

	private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);

	private final IncompleteEventPublications incomplete;

	private final Duration retryAfter;

	private final Duration retryInterval;

	private final JobLeases leases;

	OutboxConfiguration(IncompleteEventPublications incomplete,
			@Value("${intake.outbox.retry-after:PT2M}") Duration retryAfter,
			@Value("${intake.outbox.retry-interval:PT1M}") Duration retryInterval, JdbcTemplate jdbc, Clock clock) {
		this.incomplete = incomplete;
		this.retryAfter = retryAfter;
		this.retryInterval = retryInterval;
		this.leases = new JobLeases(jdbc, clock);
	}

	// Older than a relay could still be working on (publishAndWait gives up after 30 s),
	// so an in-flight publication is not sent twice.
	@Scheduled(initialDelayString = "${intake.outbox.retry-interval:PT1M}",
			fixedDelayString = "${intake.outbox.retry-interval:PT1M}")
	void resubmitIncompletePublications() {
		leases.runOncePer("intake.outbox-retry", retryInterval, () -> {
			log.debug("Resubmitting event publications incomplete for more than {}", retryAfter);
			incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
		});
	}

}
