package org.prolo.scheduling.publishing;

import java.util.UUID;

import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.prolo.scheduling.booking.SessionsBooked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs after the booking committed; the publication stays incomplete in event_publication
 * until the broker acknowledged, and is republished on restart otherwise, under the same
 * CloudEvents id.
 */
@Component
class SessionsScheduledPublisher {

	private static final Logger log = LoggerFactory.getLogger(SessionsScheduledPublisher.class);

	private final EventPublisher eventPublisher;

	SessionsScheduledPublisher(EventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	@ApplicationModuleListener
	void on(SessionsBooked booked) {
		// Only a publication stored before the event carried an id has none; it gets a
		// new one per attempt, as all did before.
		String eventId = (booked.eventId() != null) ? booked.eventId() : UUID.randomUUID().toString();
		// In the trace of the listener that booked the sessions, also when re-sent.
		eventPublisher.inTraceOf(booked, () -> {
			eventPublisher.publishAndWait(EventTopics.SCHEDULING, toEvent(booked), eventId);
			log.info("Published SessionsScheduled {} ({}) for referral {}", eventId, booked.purpose(),
					booked.referralId());
		});
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
