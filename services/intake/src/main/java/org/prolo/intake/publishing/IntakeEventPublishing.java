package org.prolo.intake.publishing;

import org.prolo.intake.referral.InformationWasProvided;
import org.prolo.intake.referral.ReferralWasSubmitted;
import org.prolo.intake.referral.ReferralWasWithdrawn;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OutboxMapping;
import org.prolo.platform.events.OutboxRelay;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Outbox relay: runs after the use case's transaction committed (the registry stored the
 * domain event in it) and waits for the broker's acknowledgement, so the publication is
 * marked complete only once the event is on Kafka; an incomplete one is published again
 * (see OutboxConfiguration), under the same CloudEvents id, in the trace of the request
 * that submitted (the outbox stored its traceparent). The sending is the platform's
 * {@link OutboxRelay}; this class only plugs in the mappings.
 */
@Component
class IntakeEventPublishing {

	// The ce_id is the id the domain event got in its transaction, so every copy the
	// registry sends (restart, resubmission) is recognisable as the same event.
	static final OutboxMapping<ReferralWasSubmitted> SUBMITTED = OutboxMapping.of(EventTopics.INTAKE,
			ReferralWasSubmitted::eventId, AvroEvents::submitted);

	static final OutboxMapping<ReferralWasWithdrawn> WITHDRAWN = OutboxMapping.of(EventTopics.INTAKE,
			ReferralWasWithdrawn::eventId, AvroEvents::withdrawn);

	static final OutboxMapping<InformationWasProvided> INFO_PROVIDED = OutboxMapping.of(EventTopics.INTAKE,
			InformationWasProvided::eventId, AvroEvents::infoProvided);

	private final OutboxRelay relay;

	IntakeEventPublishing(OutboxRelay relay) {
		this.relay = relay;
	}

	@ApplicationModuleListener
	void on(ReferralWasSubmitted event) {
		relay.relay(event, SUBMITTED);
	}

	@ApplicationModuleListener
	void on(ReferralWasWithdrawn event) {
		relay.relay(event, WITHDRAWN);
	}

	@ApplicationModuleListener
	void on(InformationWasProvided event) {
		relay.relay(event, INFO_PROVIDED);
	}

}
