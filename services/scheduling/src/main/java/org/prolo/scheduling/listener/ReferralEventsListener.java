package org.prolo.scheduling.listener;

import java.util.Map;

import org.prolo.events.CoursePlanned;
import org.prolo.events.ExamCompleted;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralTriaged;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OncePerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
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

	private final OncePerEvent once;

	ReferralEventsListener(BookAppointments bookAppointments, CancelAppointments cancelAppointments,
			OncePerEvent once) {
		this.bookAppointments = bookAppointments;
		this.cancelAppointments = cancelAppointments;
		this.once = once;
	}

	@KafkaHandler
	void on(ReferralTriaged event, @Headers Map<String, Object> headers) {
		if (!ACCEPTED.equals(event.getOutcome())) {
			log.debug("Referral {} triaged {}: nothing to book", event.getReferralId(), event.getOutcome());
			return;
		}
		once.run(headers, event, e -> bookAppointments.bookExam(e.id(), event.getReferralId()));
	}

	@KafkaHandler
	void on(CoursePlanned event, @Headers Map<String, Object> headers) {
		once.run(headers, event, e -> bookAppointments.bookCourse(e.id(), event.getReferralId(), event.getPlannedAt(),
				event.getSessions(), event.getIntervalWeeks()));
	}

	@KafkaHandler
	void on(ExamCompleted event, @Headers Map<String, Object> headers) {
		once.run(headers, event, () -> bookAppointments.examCompleted(event.getReferralId()));
	}

	/**
	 * The close, not ReferralWithdrawn, ends the bookings: it is the one fact of every
	 * kind of close, and it comes on this topic after the CoursePlanned and
	 * ImagingRequested it must follow, so no booking can slip in behind it.
	 */
	@KafkaHandler
	void on(ReferralClosed event, @Headers Map<String, Object> headers) {
		once.run(headers, event, () -> cancelAppointments.referralClosed(event.getReferralId(), event.getOutcome(),
				event.getClosedAt()));
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		log.debug("Ignoring {}: nothing to book", event.getClass().getSimpleName());
	}

}
