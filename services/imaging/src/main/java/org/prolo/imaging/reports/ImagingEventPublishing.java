package org.prolo.imaging.reports;

import org.prolo.events.ImagingOrderClosed;
import org.prolo.events.ImagingReported;
import org.prolo.imaging.order.Findings;
import org.prolo.imaging.order.OrderClosed;
import org.prolo.imaging.order.OrderReported;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OutboxMapping;
import org.prolo.platform.events.OutboxRelay;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the report or the close committed; the publication stays incomplete in
 * event_publication until the broker acknowledged, and is republished on restart
 * otherwise, under the same CloudEvents id. The sending is the platform's
 * {@link OutboxRelay}; this class only plugs in the mappings.
 */
@Component
class ImagingEventPublishing {

	static final OutboxMapping<OrderReported> REPORTED = OutboxMapping.of(EventTopics.IMAGING, OrderReported::eventId,
			ImagingEventPublishing::reported);

	static final OutboxMapping<OrderClosed> CLOSED = OutboxMapping.of(EventTopics.IMAGING, OrderClosed::eventId,
			ImagingEventPublishing::closed);

	private final OutboxRelay relay;

	ImagingEventPublishing(OutboxRelay relay) {
		this.relay = relay;
	}

	@ApplicationModuleListener
	void on(OrderReported reported) {
		relay.relay(reported, REPORTED);
	}

	@ApplicationModuleListener
	void on(OrderClosed closed) {
		relay.relay(closed, CLOSED);
	}

	static ImagingReported reported(OrderReported reported) {
		Findings findings = reported.findings();
		return ImagingReported.newBuilder()
			.setReferralId(reported.referralId())
			.setReportedAt(reported.reportedAt())
			.setOrderId(reported.orderId())
			.setRedFlag(findings.redFlag())
			.setRedFlagKind((findings.redFlagKind() != null) ? findings.redFlagKind().name() : null)
			.setFullThicknessTear(findings.fullThicknessTear())
			.setOsteoarthritisGrade(findings.osteoarthritisGrade())
			.setReport(findings.report())
			.build();
	}

	static ImagingOrderClosed closed(OrderClosed closed) {
		return ImagingOrderClosed.newBuilder()
			.setReferralId(closed.referralId())
			.setOrderId(closed.orderId())
			.setClosedAt(closed.closedAt())
			.setReason(closed.reason())
			.build();
	}

}
