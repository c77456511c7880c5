package org.prolo.workflow.inbound;

import org.prolo.events.ReferralInfoProvided;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ReferralWithdrawn;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventTopics;
import org.prolo.workflow.lifecycle.ReferralToAssess;
import org.prolo.workflow.messaging.CorrelatingMessages;
import org.prolo.workflow.starting.StartingAssessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * What intake says about a referral: a new one starts the process, the others are
 * messages to it.
 */
@Component
@KafkaListener(topics = EventTopics.INTAKE, groupId = "workflow")
public class IntakeEventsListener {

	private static final Logger log = LoggerFactory.getLogger(IntakeEventsListener.class);

	private final StartingAssessment starting;

	private final CorrelatingMessages correlating;

	public IntakeEventsListener(StartingAssessment starting, CorrelatingMessages correlating) {
		this.starting = starting;
		this.correlating = correlating;
	}

	@KafkaHandler
	public void submitted(ReferralSubmitted event,
			@Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		starting.start(EventIds.text(eventId),
				new ReferralToAssess(event.getReferralId(), event.getPatientPseudonym(), event.getReferrerId(),
						event.getCondition(), event.getBodySite(), event.getPainDurationMonths(),
						event.getPriorConservativeCare(), event.getAnticoagulated(), event.getAllergyToInjectate(),
						event.getPregnant(), event.getUncontrolledDiabetes(), event.getActiveInfectionAtSite(),
						event.getMalignancyAtSite(), event.getUrgency()));
	}

	@KafkaHandler
	public void withdrawn(ReferralWithdrawn event,
			@Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		correlating.withdraw(EventIds.text(eventId), event.getReferralId(), event.getReason());
	}

	@KafkaHandler
	public void infoProvided(ReferralInfoProvided event,
			@Header(name = CloudEventHeaders.ID, required = false) byte[] eventId) {
		correlating.infoProvided(EventIds.text(eventId), event.getReferralId(), event.getAnswer());
	}

	@KafkaHandler(isDefault = true)
	public void ignore(Object event) {
		log.debug("Ignoring {} on {}", event.getClass().getSimpleName(), EventTopics.INTAKE);
	}

}
