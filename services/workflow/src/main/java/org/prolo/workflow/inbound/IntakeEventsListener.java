package org.prolo.workflow.inbound;

import java.util.Map;

import org.prolo.events.ReferralInfoProvided;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ReferralWithdrawn;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.OncePerEvent;
import org.prolo.workflow.lifecycle.ReferralToAssess;
import org.prolo.workflow.messaging.CorrelatingMessages;
import org.prolo.workflow.starting.StartingAssessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
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

	private final OncePerEvent once;

	public IntakeEventsListener(StartingAssessment starting, CorrelatingMessages correlating, OncePerEvent once) {
		this.starting = starting;
		this.correlating = correlating;
		this.once = once;
	}

	@KafkaHandler
	public void submitted(ReferralSubmitted event, @Headers Map<String, Object> headers) {
		once.run(headers, event,
				e -> starting.start(e.id(),
						new ReferralToAssess(event.getReferralId(), event.getPatientPseudonym(), event.getReferrerId(),
								event.getCondition(), event.getBodySite(), event.getPainDurationMonths(),
								event.getPriorConservativeCare(), event.getAnticoagulated(),
								event.getAllergyToInjectate(), event.getPregnant(), event.getUncontrolledDiabetes(),
								event.getActiveInfectionAtSite(), event.getMalignancyAtSite(), event.getUrgency())));
	}

	@KafkaHandler
	public void withdrawn(ReferralWithdrawn event, @Headers Map<String, Object> headers) {
		once.run(headers, event, () -> correlating.withdraw(event.getReferralId(), event.getReason()));
	}

	@KafkaHandler
	public void infoProvided(ReferralInfoProvided event, @Headers Map<String, Object> headers) {
		once.run(headers, event, e -> correlating.infoProvided(e.id(), event.getReferralId(), event.getAnswer()));
	}

	@KafkaHandler(isDefault = true)
	public void ignore(Object event) {
		log.debug("Ignoring {} on {}", event.getClass().getSimpleName(), EventTopics.INTAKE);
	}

}
