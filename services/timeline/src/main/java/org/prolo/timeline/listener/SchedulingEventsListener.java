package org.prolo.timeline.listener;

import java.util.Map;

import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.platform.events.EventTopics;
import org.prolo.timeline.store.TimelineRecorder;
import org.prolo.timeline.timeline.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = EventTopics.SCHEDULING, groupId = "timeline")
class SchedulingEventsListener {

	private static final Logger log = LoggerFactory.getLogger(SchedulingEventsListener.class);

	private final TimelineRecorder recorder;

	SchedulingEventsListener(TimelineRecorder recorder) {
		this.recorder = recorder;
	}

	@KafkaHandler
	void on(SessionsScheduled event, @Headers Map<String, Object> headers) {
		String first = event.getSessions()
			.stream()
			.min((a, b) -> Integer.compare(a.getNumber(), b.getNumber()))
			.map(ScheduledSession::getDate)
			.map(date -> ", first on " + date)
			.orElse("");
		recorder.record(Entries.of(headers, event.getReferralId(), EventKind.SESSIONS_SCHEDULED, null,
				event.getPurpose() + " appointments booked: " + event.getSessions().size() + first));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {} on {}", event.getClass().getSimpleName(), EventTopics.SCHEDULING);
	}

}
