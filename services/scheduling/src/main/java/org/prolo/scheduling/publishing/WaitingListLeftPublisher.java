package org.prolo.scheduling.publishing;

import org.prolo.events.WaitingListLeft;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.prolo.scheduling.booking.ReferralLeftWaitingList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the removal committed; the publication stays incomplete in event_publication
 * until the broker acknowledged, and is republished on restart otherwise, under the same
 * CloudEvents id.
 */
@Component
class WaitingListLeftPublisher {

	private static final Logger log = LoggerFactory.getLogger(WaitingListLeftPublisher.class);

	private final EventPublisher eventPublisher;

	WaitingListLeftPublisher(EventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	@ApplicationModuleListener
	void on(ReferralLeftWaitingList left) {
		eventPublisher.inTraceOf(left, () -> {
			eventPublisher.publishAndWait(EventTopics.SCHEDULING, toEvent(left), left.eventId());
			log.info("Published WaitingListLeft {} ({}, {}) for referral {}", left.eventId(), left.purpose(),
					left.reason(), left.referralId());
		});
	}

	static WaitingListLeft toEvent(ReferralLeftWaitingList left) {
		return WaitingListLeft.newBuilder()
			.setReferralId(left.referralId())
			.setLeftAt(left.leftAt())
			.setPurpose(left.purpose().name())
			.setReason(left.reason())
			.setClosingOutcome(left.closingOutcome())
			.build();
	}

}
