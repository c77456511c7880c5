package org.prolo.imaging.reports;

import org.prolo.events.ImagingOrderClosed;
import org.prolo.imaging.order.OrderClosed;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OutboxMapping;
import org.prolo.platform.events.OutboxRelay;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the close committed; the publication stays incomplete in event_publication
 * until the broker acknowledged, and is republished on restart otherwise, under the same
 * CloudEvents id.
 */
@Component
class ImagingOrderClosedPublisher {

	static final OutboxMapping<OrderClosed> MAPPING = OutboxMapping.of(EventTopics.IMAGING, OrderClosed::eventId,
			ImagingOrderClosedPublisher::toEvent);

	private final OutboxRelay relay;

	ImagingOrderClosedPublisher(OutboxRelay relay) {
		this.relay = relay;
	}

	@ApplicationModuleListener
	void on(OrderClosed closed) {
		relay.relay(closed, MAPPING);
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
