package org.prolo.scheduling.listener;

import java.nio.charset.StandardCharsets;

import org.prolo.events.CoursePlanned;
import org.prolo.events.ExamCompleted;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralTriaged;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Reads the workflow's events; an accepted triage and a planned course need bookings, a
 * completed exam ends a wait for one, a close without a course cancels them.
 */
@Component
@KafkaListener(topics = EventTopics.WORKFLOW, groupId = "scheduling")
class ReferralEventsListener {

	private static final Logger log = LoggerFactory.getLogger(ReferralEventsListener.class);

	static final String ACCEPTED = "ACCEPTED";

	private final BookAppointments bookAppointments;

	private final CancelAppointments cancelAppointments;

	ReferralEventsListener(BookAppointments bookAppointments, CancelAppointments cancelAppointments) {
		this.bookAppointments = bookAppointments;
		this.cancelAppointments = cancelAppointments;
	}

	@KafkaHandler
	void on(ReferralTriaged event, @Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		if (!ACCEPTED.equals(event.getOutcome())) {
			log.debug("Referral {} triaged {}: nothing to book", event.getReferralId(), event.getOutcome());
			return;
		}
		bookAppointments.bookExam(text(eventId), event.getReferralId());
	}

	@KafkaHandler
	void on(CoursePlanned event, @Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		bookAppointments.bookCourse(text(eventId), event.getReferralId(), event.getPlannedAt(), event.getSessions(),
				event.getIntervalWeeks());
	}

	@KafkaHandler
	void on(ExamCompleted event, @Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		bookAppointments.examCompleted(text(eventId), event.getReferralId());
	}

	/**
	 * The close, not ReferralWithdrawn, ends the bookings: it is the one fact of every
	 * kind of close, and it comes on this topic after the CoursePlanned and
	 * ImagingRequested it must follow, so no booking can slip in behind it.
	 */
	@KafkaHandler
	void on(ReferralClosed event, @Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		cancelAppointments.referralClosed(text(eventId), event.getReferralId(), event.getOutcome(),
				event.getClosedAt());
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignoring {}: nothing to book", event.getClass().getSimpleName());
	}

	private static String text(byte[] header) {
		// Null reaches ProcessedEvents, which refuses it: without an id a redelivery
		// cannot be recognised.
		return (header != null) ? new String(header, StandardCharsets.UTF_8) : null;
	}

}
