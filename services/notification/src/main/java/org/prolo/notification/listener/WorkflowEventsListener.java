package org.prolo.notification.listener;

import java.util.List;
import java.util.Map;

import org.prolo.events.CoursePlanned;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralInfoRequested;
import org.prolo.events.ReferralTriaged;
import org.prolo.notification.outbox.Cause;
import org.prolo.notification.outbox.Correspondence;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OncePerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = EventTopics.WORKFLOW, groupId = "notification")
class WorkflowEventsListener {

	private static final Logger log = LoggerFactory.getLogger(WorkflowEventsListener.class);

	private final Correspondence correspondence;

	private final OncePerEvent once;

	WorkflowEventsListener(Correspondence correspondence, OncePerEvent once) {
		this.correspondence = correspondence;
		this.once = once;
	}

	@KafkaHandler
	void on(ReferralTriaged event, @Headers Map<String, Object> headers) {
		// REJECTED is followed by ReferralClosed, which writes the letter with the
		// reason;
		// INFO_REQUESTED by ReferralInfoRequested, which carries the question.
		if ("ACCEPTED".equals(event.getOutcome())) {
			once.run(headers, event, e -> correspondence.accepted(Cause.of(e), event.getReferralId()));
		}
	}

	@KafkaHandler
	void on(ReferralInfoRequested event, @Headers Map<String, Object> headers) {
		once.run(headers, event, e -> correspondence.informationRequested(Cause.of(e), event.getReferralId(),
				event.getQuestion(), event.getAnswerDueAt()));
	}

	@KafkaHandler
	void on(CoursePlanned event, @Headers Map<String, Object> headers) {
		once.run(headers, event,
				e -> correspondence.coursePlanned(Cause.of(e), event.getReferralId(), event.getSessions(),
						event.getIntervalWeeks(), event.getDextrosePercent(), List.copyOf(event.getInjectionSites())));
	}

	@KafkaHandler
	void on(ReferralClosed event, @Headers Map<String, Object> headers) {
		once.run(headers, event, e -> correspondence.closed(Cause.of(e), event.getReferralId(), event.getOutcome(),
				event.getReasonCode(), event.getNoteToReferrer()));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {}: no letter depends on it", event.getClass().getSimpleName());
	}

}
