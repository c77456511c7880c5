package org.prolo.imaging.requests;

import java.nio.charset.StandardCharsets;

import org.prolo.events.ImagingRequested;
import org.prolo.events.ReferralClosed;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Reads the workflow's events: ImagingRequested opens an order, a ReferralClosed without
 * a course closes the referral's open ones.
 */
@Component
@KafkaListener(topics = EventTopics.WORKFLOW, groupId = "imaging")
class ImagingRequestsListener {

	private static final Logger log = LoggerFactory.getLogger(ImagingRequestsListener.class);

	private final OpenImagingOrder openImagingOrder;

	private final CloseImagingOrders closeImagingOrders;

	ImagingRequestsListener(OpenImagingOrder openImagingOrder, CloseImagingOrders closeImagingOrders) {
		this.openImagingOrder = openImagingOrder;
		this.closeImagingOrders = closeImagingOrders;
	}

	@KafkaHandler
	void on(ImagingRequested event, @Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		openImagingOrder.handle(text(eventId), new ImagingRequest(event.getReferralId(), event.getPatientPseudonym(),
				event.getModality(), event.getBodyRegion(), event.getClinicalQuestion(), event.getRequestedAt()));
	}

	/**
	 * The close, not ReferralWithdrawn, ends the orders: it is the one fact of every kind
	 * of close, and it follows on this topic the ImagingRequested it must come after.
	 */
	@KafkaHandler
	void on(ReferralClosed event, @Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		closeImagingOrders.referralClosed(text(eventId), event.getReferralId(), event.getOutcome(),
				event.getClosedAt());
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
