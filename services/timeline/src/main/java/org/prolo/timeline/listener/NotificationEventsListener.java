package org.prolo.timeline.listener;

import java.util.Map;

import org.prolo.events.ReferrerNotified;
import org.prolo.platform.events.EventTopics;
import org.prolo.timeline.timeline.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = EventTopics.NOTIFICATION, groupId = "timeline")
class NotificationEventsListener {

	private static final Logger log = LoggerFactory.getLogger(NotificationEventsListener.class);

	private final Recording recording;

	NotificationEventsListener(Recording recording) {
		this.recording = recording;
	}

	@KafkaHandler
	void on(ReferrerNotified event, @Headers Map<String, Object> headers) {
		recording.record(headers, event,
				Entries.draft(event.getReferralId(), EventKind.REFERRER_NOTIFIED, null,
						"Referrer " + event.getReferrerId() + " notified by " + event.getChannel() + ": "
								+ event.getLetterKind() + " letter"));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {} on {}", event.getClass().getSimpleName(), EventTopics.NOTIFICATION);
	}

}
