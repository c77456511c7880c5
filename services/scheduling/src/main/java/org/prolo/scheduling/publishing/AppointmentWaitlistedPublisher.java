package org.prolo.scheduling.publishing;

import org.prolo.events.AppointmentWaitlisted;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OutboxMapping;
import org.prolo.platform.events.OutboxRelay;
import org.prolo.scheduling.booking.BookingSessions;
import org.prolo.scheduling.booking.ReferralWaitlisted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the waiting-list entry committed; the publication stays incomplete in
 * event_publication until the broker acknowledged, and is republished on restart
 * otherwise, under the same CloudEvents id.
 */
@Component
class AppointmentWaitlistedPublisher {

	static final OutboxMapping<ReferralWaitlisted> MAPPING = OutboxMapping.of(EventTopics.SCHEDULING,
			ReferralWaitlisted::eventId, AppointmentWaitlistedPublisher::toEvent);

	private final OutboxRelay relay;

	AppointmentWaitlistedPublisher(OutboxRelay relay) {
		this.relay = relay;
	}

	@ApplicationModuleListener
	void on(ReferralWaitlisted waitlisted) {
		relay.relay(waitlisted, MAPPING);
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
