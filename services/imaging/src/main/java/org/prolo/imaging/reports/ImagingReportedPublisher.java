package org.prolo.imaging.reports;

import org.prolo.events.ImagingReported;
import org.prolo.imaging.order.Findings;
import org.prolo.imaging.order.OrderReported;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OutboxMapping;
import org.prolo.platform.events.OutboxRelay;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the report committed; the publication stays incomplete in event_publication
 * until the broker acknowledged, and is republished on restart otherwise, under the same
 * CloudEvents id.
 */
@Component
class ImagingReportedPublisher {

	static final OutboxMapping<OrderReported> MAPPING = OutboxMapping.of(EventTopics.IMAGING, OrderReported::eventId,
			ImagingReportedPublisher::toEvent);

	private final OutboxRelay relay;

	ImagingReportedPublisher(OutboxRelay relay) {
		this.relay = relay;
	}

	@ApplicationModuleListener
	void on(OrderReported reported) {
		relay.relay(reported, MAPPING);
	}

	static ImagingReported toEvent(OrderReported reported) {
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

}
