package org.prolo.timeline.listener;

import java.util.Map;
import java.util.stream.Collectors;

import org.prolo.events.AppointmentWaitlisted;
import org.prolo.events.AppointmentsCancelled;
import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.events.WaitingListLeft;
import org.prolo.platform.events.EventTopics;
import org.prolo.timeline.timeline.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.stereotype.Component;

@Component
@KafkaListener(topics = EventTopics.SCHEDULING, groupId = "timeline")
class SchedulingEventsListener {

	private static final Logger log = LoggerFactory.getLogger(SchedulingEventsListener.class);

	private final Recording recording;

	SchedulingEventsListener(Recording recording) {
		this.recording = recording;
	}

	@KafkaHandler
	void on(SessionsScheduled event, @Headers Map<String, Object> headers) {
		String first = event.getSessions()
			.stream()
			.min((a, b) -> Integer.compare(a.getNumber(), b.getNumber()))
			.map(ScheduledSession::getDate)
			.map(date -> ", first on " + date)
			.orElse("");
		boolean waited = event.getWaitlistedAt() != null;
		recording.record(headers, event,
				Entries.draft(event.getReferralId(), EventKind.SESSIONS_SCHEDULED, waited ? event.getPurpose() : null,
						event.getPurpose() + " appointments booked" + (waited ? " (from the waiting list)" : "") + ": "
								+ event.getSessions().size() + first));
	}

	@KafkaHandler
	void on(AppointmentWaitlisted event, @Headers Map<String, Object> headers) {
		recording.record(headers, event,
				Entries.draft(event.getReferralId(), EventKind.APPOINTMENT_WAITLISTED, event.getPurpose(),
						event.getPurpose() + " waits for an appointment (" + event.getReasonCode()
								+ ": no free slot within " + event.getHorizonDays() + " days)"));
	}

	@KafkaHandler
	void on(AppointmentsCancelled event, @Headers Map<String, Object> headers) {
		String which = event.getAppointments()
			.stream()
			.map(a -> a.getPurpose() + " " + a.getNumber() + " on " + a.getDate())
			.collect(Collectors.joining(", "));
		recording.record(headers, event,
				Entries.draft(event.getReferralId(), EventKind.APPOINTMENTS_CANCELLED, null,
						shorten("Appointments cancelled (referral " + event.getReason() + "): "
								+ event.getAppointments().size() + ": " + which)));
	}

	@KafkaHandler
	void on(WaitingListLeft event, @Headers Map<String, Object> headers) {
		String why = "REFERRAL_CLOSED".equals(event.getReason())
				? "referral closed" + ((event.getClosingOutcome() != null) ? " " + event.getClosingOutcome() : "")
				: "exam completed";
		recording.record(headers, event, Entries.draft(event.getReferralId(), EventKind.WAITING_LIST_LEFT, null,
				event.getPurpose() + " removed from the waiting list (" + why + ")"));
	}

	/**
	 * The summary column holds 500 characters; a ten-session course fits, but be safe.
	 */
	private static String shorten(String summary) {
		return (summary.length() <= 500) ? summary : summary.substring(0, 499) + "…";
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignored {} on {}", event.getClass().getSimpleName(), EventTopics.SCHEDULING);
	}

}
