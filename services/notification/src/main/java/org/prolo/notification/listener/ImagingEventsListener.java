package org.prolo.notification.listener;

import java.util.Map;

import org.prolo.events.ImagingOrderClosed;
import org.prolo.notification.outbox.Correspondence;
import org.prolo.platform.events.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = EventTopics.IMAGING, groupId = "notification")
class ImagingEventsListener {

	private static final Logger log = LoggerFactory.getLogger(ImagingEventsListener.class);

	private final Correspondence correspondence;

	ImagingEventsListener(Correspondence correspondence) {
		this.correspondence = correspondence;
	}

	@KafkaHandler
	void on(ImagingOrderClosed event, @Headers Map<String, Object> headers) {
		correspondence.imagingOrderClosed(EventHeaders.cause(headers), event.getReferralId(), event.getReason(),
				event.getOrderId());
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {}: no letter depends on it", event.getClass().getSimpleName());
	}

}
