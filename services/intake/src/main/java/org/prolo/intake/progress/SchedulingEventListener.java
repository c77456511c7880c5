package org.prolo.intake.progress;

import java.nio.charset.StandardCharsets;

import org.prolo.events.AppointmentWaitlisted;
import org.prolo.events.SessionsScheduled;
import org.prolo.intake.referral.ReferralProgress;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * The physician sees when an accepted referral waits for its exam and when it is booked;
 * course bookings come after the referral closed and change nothing here.
 */
@Component
@KafkaListener(topics = EventTopics.SCHEDULING, groupId = "intake")
class SchedulingEventListener {

	private static final Logger log = LoggerFactory.getLogger(SchedulingEventListener.class);

	private static final String EXAM = "EXAM";

	private final FollowingReferralProgress following;

	SchedulingEventListener(FollowingReferralProgress following) {
		this.following = following;
	}

	@KafkaHandler
	void on(AppointmentWaitlisted event, @Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		if (EXAM.equals(event.getPurpose())) {
			following.follow(text(eventId), event.getSchema().getFullName(), event.getReferralId(),
					new ReferralProgress.WaitingForAppointment());
		}
	}

	@KafkaHandler
	void on(SessionsScheduled event, @Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		if (EXAM.equals(event.getPurpose()) && event.getWaitlistedAt() != null) {
			following.follow(text(eventId), event.getSchema().getFullName(), event.getReferralId(),
					new ReferralProgress.AppointmentBooked());
		}
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {}: it does not change what a referrer sees", event.getClass().getSimpleName());
	}

	private static String text(byte[] eventId) {
		// Without ce_id ProcessedEvents refuses the event (parked, not retried).
		return (eventId != null) ? new String(eventId, StandardCharsets.UTF_8) : null;
	}

}
