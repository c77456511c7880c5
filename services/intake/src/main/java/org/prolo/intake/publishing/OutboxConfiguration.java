package org.prolo.intake.publishing;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox relay off the request thread (@ApplicationModuleListener is @Async),
 * and retries publications the broker did not take: on restart
 * (republish-outstanding-events-on-restart) and periodically, for those older than
 * {@code intake.outbox.retry-after}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class OutboxConfiguration {

	private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);

	private final IncompleteEventPublications incomplete;

	private final Duration retryAfter;

	OutboxConfiguration(IncompleteEventPublications incomplete,
			@Value("${intake.outbox.retry-after:PT2M}") Duration retryAfter) {
		this.incomplete = incomplete;
		this.retryAfter = retryAfter;
	}

	// Older than a relay could still be working on (publishAndWait gives up after 30 s),
	// so an in-flight publication is not sent twice.
	@Scheduled(initialDelayString = "${intake.outbox.retry-interval:PT1M}",
			fixedDelayString = "${intake.outbox.retry-interval:PT1M}")
	void resubmitIncompletePublications() {
		log.debug("Resubmitting event publications incomplete for more than {}", retryAfter);
		incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
	}

}
