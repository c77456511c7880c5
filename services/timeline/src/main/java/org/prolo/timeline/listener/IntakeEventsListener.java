package org.prolo.timeline.listener;

import java.util.Map;

import org.prolo.events.ReferralInfoProvided;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ReferralWithdrawn;
import org.prolo.platform.events.EventTopics;
import org.prolo.timeline.timeline.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = EventTopics.INTAKE, groupId = "timeline")
class IntakeEventsListener {

	private static final Logger log = LoggerFactory.getLogger(IntakeEventsListener.class);

	private final Recording recording;

	IntakeEventsListener(Recording recording) {
		this.recording = recording;
	}

	@KafkaHandler
	void on(ReferralSubmitted event, @Headers Map<String, Object> headers) {
		recording.record(headers, event, Entries.draft(event.getReferralId(), EventKind.REFERRAL_SUBMITTED, null,
				"Submitted by " + event.getReferrerId() + ": " + event.getCondition() + ", " + event.getUrgency()));
	}

	@KafkaHandler
	void on(ReferralInfoProvided event, @Headers Map<String, Object> headers) {
		// The answer is free text and may name the patient: it stays out of the timeline.
		recording.record(headers, event, Entries.draft(event.getReferralId(), EventKind.REFERRAL_INFO_PROVIDED, null,
				"Referrer provided the requested information"));
	}

	@KafkaHandler
	void on(ReferralWithdrawn event, @Headers Map<String, Object> headers) {
		recording.record(headers, event, Entries.draft(event.getReferralId(), EventKind.REFERRAL_WITHDRAWN, null,
				"Withdrawn by " + event.getReferrerId()));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {} on {}", event.getClass().getSimpleName(), EventTopics.INTAKE);
	}

}
