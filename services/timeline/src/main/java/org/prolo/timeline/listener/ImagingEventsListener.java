package org.prolo.timeline.listener;

import java.util.Map;

import org.prolo.events.ImagingOrderClosed;
import org.prolo.events.ImagingReported;
import org.prolo.platform.events.EventTopics;
import org.prolo.timeline.timeline.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = EventTopics.IMAGING, groupId = "timeline")
class ImagingEventsListener {

	private static final Logger log = LoggerFactory.getLogger(ImagingEventsListener.class);

	private final Recording recording;

	ImagingEventsListener(Recording recording) {
		this.recording = recording;
	}

	@KafkaHandler
	void on(ImagingReported event, @Headers Map<String, Object> headers) {
		// The report text stays with imaging; the timeline says only whether it raised a
		// red flag.
		recording.record(headers, event,
				Entries.draft(event.getReferralId(), EventKind.IMAGING_REPORTED, null, "Imaging reported (order "
						+ event.getOrderId() + "): " + (event.getRedFlag() ? "red flag" : "no red flag")));
	}

	@KafkaHandler
	void on(ImagingOrderClosed event, @Headers Map<String, Object> headers) {
		recording.record(headers, event, Entries.draft(event.getReferralId(), EventKind.IMAGING_ORDER_CLOSED, null,
				"Imaging order " + event.getOrderId() + " closed unreported: referral " + event.getReason()));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {} on {}", event.getClass().getSimpleName(), EventTopics.IMAGING);
	}

}
