package org.prolo.scheduling.publishing;

import org.prolo.events.AppointmentWaitlisted;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.prolo.scheduling.booking.BookingSessions;
import org.prolo.scheduling.booking.ReferralWaitlisted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the waiting-list entry committed; the publication stays incomplete in
 * event_publication until the broker acknowledged, and is republished on restart
 * otherwise, under the same CloudEvents id.
 */
@Component
class AppointmentWaitlistedPublisher {

	private static final Logger log = LoggerFactory.getLogger(AppointmentWaitlistedPublisher.class);

	private final EventPublisher eventPublisher;

	AppointmentWaitlistedPublisher(EventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	@ApplicationModuleListener
	void on(ReferralWaitlisted waitlisted) {
		eventPublisher.inTraceOf(waitlisted, () -> {
			eventPublisher.publishAndWait(EventTopics.SCHEDULING, toEvent(waitlisted), waitlisted.eventId());
			log.info("Published AppointmentWaitlisted {} ({}) for referral {}", waitlisted.eventId(),
					waitlisted.purpose(), waitlisted.referralId());
		});
	}

	static AppointmentWaitlisted toEvent(ReferralWaitlisted waitlisted) {
		return AppointmentWaitlisted.newBuilder()
			.setReferralId(waitlisted.referralId())
			.setWaitlistedAt(waitlisted.waitlistedAt())
			.setPurpose(waitlisted.purpose().name())
			.setReasonCode(ReferralWaitlisted.CALENDAR_FULL)
			.setHorizonDays(BookingSessions.HORIZON_DAYS)
			.build();
	}

}
