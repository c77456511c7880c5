package org.prolo.scheduling.publishing;

import org.prolo.events.AppointmentsCancelled;
import org.prolo.events.CancelledAppointment;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.prolo.scheduling.booking.BookingsCancelled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the cancellation committed; the publication stays incomplete in
 * event_publication until the broker acknowledged, and is republished on restart
 * otherwise, under the same CloudEvents id.
 */
@Component
class AppointmentsCancelledPublisher {

	private static final Logger log = LoggerFactory.getLogger(AppointmentsCancelledPublisher.class);

	private final EventPublisher eventPublisher;

	AppointmentsCancelledPublisher(EventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	@ApplicationModuleListener
	void on(BookingsCancelled cancelled) {
		eventPublisher.inTraceOf(cancelled, () -> {
			eventPublisher.publishAndWait(EventTopics.SCHEDULING, toEvent(cancelled), cancelled.eventId());
			log.info("Published AppointmentsCancelled {} ({} appointment(s)) for referral {}", cancelled.eventId(),
					cancelled.appointments().size(), cancelled.referralId());
		});
	}

	static AppointmentsCancelled toEvent(BookingsCancelled cancelled) {
		return AppointmentsCancelled.newBuilder()
			.setReferralId(cancelled.referralId())
			.setCancelledAt(cancelled.cancelledAt())
			.setReason(cancelled.reason())
			.setAppointments(cancelled.appointments()
				.stream()
				.map(c -> CancelledAppointment.newBuilder()
					.setAppointmentId(c.id())
					.setPurpose(c.appointment().purpose().name())
					.setNumber(c.appointment().number())
					.setDate(c.appointment().date())
					.build())
				.toList())
			.build();
	}

}
