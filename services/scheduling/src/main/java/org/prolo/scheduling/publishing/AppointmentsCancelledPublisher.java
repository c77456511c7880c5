package org.prolo.scheduling.publishing;

import org.prolo.events.AppointmentsCancelled;
import org.prolo.events.CancelledAppointment;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OutboxMapping;
import org.prolo.platform.events.OutboxRelay;
import org.prolo.scheduling.booking.BookingsCancelled;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the cancellation committed; the publication stays incomplete in
 * event_publication until the broker acknowledged, and is republished on restart
 * otherwise, under the same CloudEvents id.
 */
@Component
class AppointmentsCancelledPublisher {

	static final OutboxMapping<BookingsCancelled> MAPPING = OutboxMapping.of(EventTopics.SCHEDULING,
			BookingsCancelled::eventId, AppointmentsCancelledPublisher::toEvent);

	private final OutboxRelay relay;

	AppointmentsCancelledPublisher(OutboxRelay relay) {
		this.relay = relay;
	}

	@ApplicationModuleListener
	void on(BookingsCancelled cancelled) {
		relay.relay(cancelled, MAPPING);
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
