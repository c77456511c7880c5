package org.prolo.workflow.process;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.prolo.workflow.lifecycle.ReferralFact;
import org.prolo.workflow.messaging.CorrelatingMessages;
import org.prolo.workflow.messaging.EarlyMessages;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Service task "Request imaging": publishes ImagingRequested and takes a report that
 * arrived before the process got here (kept in early_message), so that the process does
 * not wait for a report it already has.
 */
@Component("requestingImaging")
public class RequestingImaging implements JavaDelegate {

	private final ApplicationEventPublisher events;

	private final EarlyMessages earlyMessages;

	private final Clock clock;

	private final ReferralTrace trace;

	public RequestingImaging(ApplicationEventPublisher events, EarlyMessages earlyMessages, Clock clock,
			ReferralTrace trace) {
		this.events = events;
		this.earlyMessages = earlyMessages;
		this.clock = clock;
		this.trace = trace;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String referralId = execution.getProcessBusinessKey();
		var requested = new ReferralFact.ImagingRequested(StageEvents.newEventId(), referralId, clock.instant(),
				Variables.text(execution, "patientPseudonym"), Variables.text(execution, "imagingModality"),
				Variables.text(execution, "imagingBodyRegion"), Variables.text(execution, "imagingClinicalQuestion"),
				String.valueOf(execution.getVariable("examinedBy")));
		trace.publishWithin(execution, () -> events.publishEvent(requested));
		var early = earlyMessages.take(referralId, CorrelatingMessages.IMAGING_REPORTED);
		early.ifPresent(message -> execution.setVariables(message.variables()));
		execution.setVariable("imagingReportReceived", early.isPresent());
	}

}
