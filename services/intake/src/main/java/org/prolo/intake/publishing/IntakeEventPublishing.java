package org.prolo.intake.publishing;

import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.prolo.intake.referral.InformationWasProvided;
import org.prolo.intake.referral.ReferralWasSubmitted;
import org.prolo.intake.referral.ReferralWasWithdrawn;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Outbox relay: runs after the use case's transaction committed (the registry stored the
 * domain event in it) and waits for the broker's acknowledgement, so the publication is
 * marked complete only once the event is on Kafka; an incomplete one is published again
 * (see OutboxConfiguration), under the same CloudEvents id, in the trace of the request
 * that submitted (the outbox stored its traceparent).
 */
@Component
class IntakeEventPublishing {

	private static final Logger log = LoggerFactory.getLogger(IntakeEventPublishing.class);

	private final EventPublisher publisher;

	IntakeEventPublishing(EventPublisher publisher) {
		this.publisher = publisher;
	}

	@ApplicationModuleListener
	void on(ReferralWasSubmitted event) {
		publisher.inTraceOf(event, () -> publish(event.eventId(), event.referralId(), AvroEvents.submitted(event)));
	}

	@ApplicationModuleListener
	void on(ReferralWasWithdrawn event) {
		publisher.inTraceOf(event, () -> publish(event.eventId(), event.referralId(), AvroEvents.withdrawn(event)));
	}

	@ApplicationModuleListener
	void on(InformationWasProvided event) {
		publisher.inTraceOf(event, () -> publish(event.eventId(), event.referralId(), AvroEvents.infoProvided(event)));
	}

	/**
	 * The ce_id is the id the domain event got in its transaction, so every copy the
	 * registry sends (restart, resubmission) is recognisable as the same event. Only a
	 * publication stored before domain events carried an id has none, and gets a new one
	 * per attempt as before.
	 */
	private void publish(String eventId, String referralId, SpecificRecord event) {
		String id = (eventId != null) ? eventId : UUID.randomUUID().toString();
		publisher.publishAndWait(EventTopics.INTAKE, event, id);
		log.info("Published {} {} for referral {}", event.getSchema().getName(), id, referralId);
	}

}
