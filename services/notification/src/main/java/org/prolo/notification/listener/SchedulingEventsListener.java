package org.prolo.notification.listener;

import java.util.Map;

import org.prolo.events.AppointmentWaitlisted;
import org.prolo.events.AppointmentsCancelled;
import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.notification.outbox.CancelledBooking;
import org.prolo.notification.outbox.Correspondence;
import org.prolo.platform.events.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = EventTopics.SCHEDULING, groupId = "notification")
class SchedulingEventsListener {

	private static final Logger log = LoggerFactory.getLogger(SchedulingEventsListener.class);

	private final Correspondence correspondence;

	SchedulingEventsListener(Correspondence correspondence) {
		this.correspondence = correspondence;
	}

	@KafkaHandler
	void on(SessionsScheduled event, @Headers Map<String, Object> headers) {
		// The referrer was told the referral waits for its exam, so hears when it is
		// booked.
		if ("EXAM".equals(event.getPurpose()) && event.getWaitlistedAt() != null) {
			correspondence.examBookedFromWaitingList(EventHeaders.cause(headers), event.getReferralId(),
					event.getSessions().get(0).getDate());
			return;
		}
		// Exam appointments are the clinic's business with the patient; the referrer
		// hears of the course.
		if ("COURSE".equals(event.getPurpose())) {
			correspondence.courseScheduled(EventHeaders.cause(headers), event.getReferralId(),
					event.getSessions()
						.stream()
						.sorted((a, b) -> Integer.compare(a.getNumber(), b.getNumber()))
						.map(ScheduledSession::getDate)
						.toList());
		}
	}

	@KafkaHandler
	void on(AppointmentWaitlisted event, @Headers Map<String, Object> headers) {
		correspondence.waitlisted(EventHeaders.cause(headers), event.getReferralId(), event.getPurpose(),
				event.getReasonCode());
	}

	@KafkaHandler
	void on(AppointmentsCancelled event, @Headers Map<String, Object> headers) {
		correspondence.appointmentsCancelled(EventHeaders.cause(headers), event.getReferralId(), event.getReason(),
				event.getAppointments()
					.stream()
					.map(a -> new CancelledBooking(a.getPurpose(), a.getNumber(), a.getDate()))
					.toList());
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {}: no letter depends on it", event.getClass().getSimpleName());
	}

}
