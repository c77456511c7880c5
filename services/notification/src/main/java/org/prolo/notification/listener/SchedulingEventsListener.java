package org.prolo.notification.listener;

import java.util.Map;

import org.prolo.events.AppointmentWaitlisted;
import org.prolo.events.AppointmentsCancelled;
import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.notification.outbox.CancelledBooking;
import org.prolo.notification.outbox.Cause;
import org.prolo.notification.outbox.Correspondence;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OncePerEvent;
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

	private final OncePerEvent once;

	SchedulingEventsListener(Correspondence correspondence, OncePerEvent once) {
		this.correspondence = correspondence;
		this.once = once;
	}

	@KafkaHandler
	void on(SessionsScheduled event, @Headers Map<String, Object> headers) {
		// The referrer was told the referral waits for its exam, so hears when it is
		// booked.
		if ("EXAM".equals(event.getPurpose()) && event.getWaitlistedAt() != null) {
			once.run(headers, event, e -> correspondence.examBookedFromWaitingList(Cause.of(e), event.getReferralId(),
					event.getSessions().get(0).getDate()));
			return;
		}
		// Exam appointments are the clinic's business with the patient; the referrer
		// hears of the course.
		if ("COURSE".equals(event.getPurpose())) {
			once.run(headers, event,
					e -> correspondence.courseScheduled(Cause.of(e), event.getReferralId(),
							event.getSessions()
								.stream()
								.sorted((a, b) -> Integer.compare(a.getNumber(), b.getNumber()))
								.map(ScheduledSession::getDate)
								.toList()));
		}
	}

	@KafkaHandler
	void on(AppointmentWaitlisted event, @Headers Map<String, Object> headers) {
		once.run(headers, event, e -> correspondence.waitlisted(Cause.of(e), event.getReferralId(), event.getPurpose(),
				event.getReasonCode()));
	}

	@KafkaHandler
	void on(AppointmentsCancelled event, @Headers Map<String, Object> headers) {
		once.run(headers, event,
				e -> correspondence.appointmentsCancelled(Cause.of(e), event.getReferralId(), event.getReason(),
						event.getAppointments()
							.stream()
							.map(a -> new CancelledBooking(a.getPurpose(), a.getNumber(), a.getDate()))
							.toList()));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {}: no letter depends on it", event.getClass().getSimpleName());
	}

}
