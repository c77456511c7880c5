package org.prolo.imaging.requests;

import java.util.Map;

import org.prolo.events.ImagingRequested;
import org.prolo.events.ReferralClosed;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OncePerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
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

	private final OncePerEvent once;

	ImagingRequestsListener(OpenImagingOrder openImagingOrder, CloseImagingOrders closeImagingOrders,
			OncePerEvent once) {
		this.openImagingOrder = openImagingOrder;
		this.closeImagingOrders = closeImagingOrders;
		this.once = once;
	}

	@KafkaHandler
	void on(ImagingRequested event, @Headers Map<String, Object> headers) {
		once.run(headers, event,
				e -> openImagingOrder.handle(e.id(),
						new ImagingRequest(event.getReferralId(), event.getPatientPseudonym(), event.getModality(),
								event.getBodyRegion(), event.getClinicalQuestion(), event.getRequestedAt())));
	}

	/**
	 * The close, not ReferralWithdrawn, ends the orders: it is the one fact of every kind
	 * of close, and it follows on this topic the ImagingRequested it must come after.
	 */
	@KafkaHandler
	void on(ReferralClosed event, @Headers Map<String, Object> headers) {
		once.run(headers, event, () -> closeImagingOrders.referralClosed(event.getReferralId(), event.getOutcome(),
				event.getClosedAt()));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignoring {}: not an imaging request", event.getClass().getSimpleName());
	}

}
