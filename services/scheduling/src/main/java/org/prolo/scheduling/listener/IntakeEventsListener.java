package org.prolo.scheduling.listener;

import org.prolo.events.ReferralSubmitted;
import org.prolo.platform.events.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the submissions for the two facts the waiting list needs: the patient's pseudonym
 * and the urgency. Another topic than the acceptance, so either may come first.
 */
@Component
@KafkaListener(topics = EventTopics.INTAKE, groupId = "scheduling")
class IntakeEventsListener {

	private static final Logger log = LoggerFactory.getLogger(IntakeEventsListener.class);

	private final KnowReferrals knowReferrals;

	IntakeEventsListener(KnowReferrals knowReferrals) {
		this.knowReferrals = knowReferrals;
	}

	@KafkaHandler
	void on(ReferralSubmitted event) {
		knowReferrals.submitted(event.getReferralId(), event.getPatientPseudonym(), event.getUrgency());
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignoring {}: the waiting list needs only submissions", event.getClass().getSimpleName());
	}

}
