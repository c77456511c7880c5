package org.prolo.notification.listener;

import java.util.Map;

import org.prolo.events.ReferralSubmitted;
import org.prolo.notification.outbox.Cause;
import org.prolo.notification.outbox.Correspondence;
import org.prolo.notification.referrer.ReferrerContact;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OncePerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = EventTopics.INTAKE, groupId = "notification")
class IntakeEventsListener {

	private static final Logger log = LoggerFactory.getLogger(IntakeEventsListener.class);

	private final Correspondence correspondence;

	private final OncePerEvent once;

	IntakeEventsListener(Correspondence correspondence, OncePerEvent once) {
		this.correspondence = correspondence;
		this.once = once;
	}

	@KafkaHandler
	void on(ReferralSubmitted event, @Headers Map<String, Object> headers) {
		once.run(headers, event,
				e -> correspondence.referralSubmitted(Cause.of(e),
						new ReferrerContact(event.getReferralId(), event.getReferrerId(), event.getReferrerName(),
								event.getReferrerEmail(), event.getPatientPseudonym(), event.getCondition())));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {}: no letter depends on it", event.getClass().getSimpleName());
	}

}
