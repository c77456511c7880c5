package org.prolo.imaging.reports;

import org.prolo.events.ImagingOrderClosed;
import org.prolo.imaging.order.OrderClosed;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the close committed; the publication stays incomplete in event_publication
 * until the broker acknowledged, and is republished on restart otherwise, under the same
 * CloudEvents id.
 */
@Component
class ImagingOrderClosedPublisher {

	private static final Logger log = LoggerFactory.getLogger(ImagingOrderClosedPublisher.class);

	private final EventPublisher eventPublisher;

	ImagingOrderClosedPublisher(EventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	@ApplicationModuleListener
	void on(OrderClosed closed) {
		eventPublisher.inTraceOf(closed, () -> {
			eventPublisher.publishAndWait(EventTopics.IMAGING, toEvent(closed), closed.eventId());
			log.info("Published ImagingOrderClosed {} for order {} of referral {}", closed.eventId(), closed.orderId(),
					closed.referralId());
		});
	}

	static ImagingOrderClosed toEvent(OrderClosed closed) {
		return ImagingOrderClosed.newBuilder()
			.setReferralId(closed.referralId())
			.setOrderId(closed.orderId())
			.setClosedAt(closed.closedAt())
			.setReason(closed.reason())
			.build();
	}

}
