package org.prolo.imaging.requests;

import java.nio.charset.StandardCharsets;

import org.prolo.events.ImagingRequested;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Reads the workflow's events; only ImagingRequested concerns imaging. */
@Component
@KafkaListener(topics = EventTopics.WORKFLOW, groupId = "imaging")
class ImagingRequestsListener {

	private static final Logger log = LoggerFactory.getLogger(ImagingRequestsListener.class);

	private final OpenImagingOrder openImagingOrder;

	ImagingRequestsListener(OpenImagingOrder openImagingOrder) {
		this.openImagingOrder = openImagingOrder;
	}

	@KafkaHandler
	void on(ImagingRequested event, @Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		openImagingOrder.handle(text(eventId), new ImagingRequest(event.getReferralId(), event.getPatientPseudonym(),
				event.getModality(), event.getBodyRegion(), event.getClinicalQuestion(), event.getRequestedAt()));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignoring {}: not an imaging request", event.getClass().getSimpleName());
	}

	private static String text(byte[] header) {
		// Null reaches ProcessedEvents, which refuses it: without an id a redelivery
		// cannot be recognised.
		return (header != null) ? new String(header, StandardCharsets.UTF_8) : null;
	}

}
