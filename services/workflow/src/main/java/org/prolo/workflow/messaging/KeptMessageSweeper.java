package org.prolo.workflow.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the one race that the check at Request imaging cannot: a report kept by a
 * listener transaction that ran concurrently with the transaction in which the process
 * started to wait. Such a report finds its waiting process here a few seconds later; one
 * whose process ended before it asked is discarded here.
 */
@Component
public class KeptMessageSweeper {

	private static final Logger log = LoggerFactory.getLogger(KeptMessageSweeper.class);

	private final EarlyMessages earlyMessages;

	private final CorrelatingMessages correlating;

	public KeptMessageSweeper(EarlyMessages earlyMessages, CorrelatingMessages correlating) {
		this.earlyMessages = earlyMessages;
		this.correlating = correlating;
	}

	@Scheduled(fixedDelayString = "${prolo.workflow.kept-message-sweep:PT10S}",
			initialDelayString = "${prolo.workflow.kept-message-sweep:PT10S}")
	public void deliverWaiting() {
		for (var message : earlyMessages.all()) {
			try {
				correlating.deliverKept(message);
			}
			catch (RuntimeException ex) {
				log.warn("Could not deliver kept {} {} to referral {}: {}", message.messageName(), message.eventId(),
						message.referralId(), ex.getMessage());
			}
		}
	}

}
