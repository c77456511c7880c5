package org.prolo.imaging.reports;

import java.util.UUID;

import org.prolo.events.ImagingReported;
import org.prolo.imaging.order.Findings;
import org.prolo.imaging.order.OrderReported;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the report committed; the publication stays incomplete in event_publication
 * until the broker acknowledged, and is republished on restart otherwise, under the same
 * CloudEvents id.
 */
@Component
class ImagingReportedPublisher {

	private static final Logger log = LoggerFactory.getLogger(ImagingReportedPublisher.class);

	private final EventPublisher eventPublisher;

	ImagingReportedPublisher(EventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	@ApplicationModuleListener
	void on(OrderReported reported) {
		// Only a publication stored before the event carried an id has none; it gets a
		// new one per attempt, as all did before.
		String eventId = (reported.eventId() != null) ? reported.eventId() : UUID.randomUUID().toString();
		// In the trace of the report's HTTP request, also when re-sent.
		eventPublisher.inTraceOf(reported, () -> {
			eventPublisher.publishAndWait(EventTopics.IMAGING, toEvent(reported), eventId);
			log.info("Published ImagingReported {} for order {} of referral {}", eventId, reported.orderId(),
					reported.referralId());
		});
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
