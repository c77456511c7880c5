package org.prolo.scheduling.publishing;

import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OutboxMapping;
import org.prolo.platform.events.OutboxRelay;
import org.prolo.scheduling.booking.SessionsBooked;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the booking committed; the publication stays incomplete in event_publication
 * until the broker acknowledged, and is republished on restart otherwise, under the same
 * CloudEvents id.
 */
@Component
class SessionsScheduledPublisher {

	static final OutboxMapping<SessionsBooked> MAPPING = OutboxMapping.of(EventTopics.SCHEDULING,
			SessionsBooked::eventId, SessionsScheduledPublisher::toEvent);

	private final OutboxRelay relay;

	SessionsScheduledPublisher(OutboxRelay relay) {
		this.relay = relay;
	}

	@ApplicationModuleListener
	void on(SessionsBooked booked) {
		relay.relay(booked, MAPPING);
	}

	static SessionsScheduled toEvent(SessionsBooked booked) {
		return SessionsScheduled.newBuilder()
			.setReferralId(booked.referralId())
			.setScheduledAt(booked.bookedAt())
			.setPurpose(booked.purpose().name())
			.setWaitlistedAt(booked.waitlistedAt())
			.setSessions(booked.appointments()
				.stream()
				.map(a -> ScheduledSession.newBuilder().setNumber(a.number()).setDate(a.date()).build())
				.toList())
			.build();
	}

}
