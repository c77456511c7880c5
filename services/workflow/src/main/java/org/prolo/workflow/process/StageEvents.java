package org.prolo.workflow.process;

import java.time.Clock;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.prolo.calendar.ClinicCalendar;
import org.prolo.workflow.lifecycle.ReferralFact;
import org.prolo.workflow.lifecycle.SuitabilityReview;
import org.prolo.workflow.lifecycle.TaskInputRules;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Called by the BPMN's listeners when a stage ends
 * ({@code ${stageEvents.triaged(task)}}): maps the process variables to a
 * {@link ReferralFact} and publishes it as a Spring application event inside the engine's
 * transaction. Spring Modulith's event publication registry stores it in that transaction
 * (transactional outbox); the outbox puts it on Kafka after commit.
 */
@Component("stageEvents")
public class StageEvents {

	/**
	 * Calendar days a referrer has to answer a request for information, moved on to the
	 * clinic's next working day; the BPMN timer says {@code dueDates.daysFromNow(14)}
	 * too.
	 */
	public static final int ANSWER_WITHIN_DAYS = 14;

	/** Process variable: when the referral's first triage task was created. */
	public static final String TRIAGE_STARTED_AT = "triageStartedAt";

	private final ApplicationEventPublisher events;

	private final IdentityService identity;

	private final Clock clock;

	private final ReferralTrace trace;

	private final ClinicCalendar calendar;

	public StageEvents(ApplicationEventPublisher events, IdentityService identity, Clock clock, ReferralTrace trace,
			ClinicCalendar calendar) {
		this.events = events;
		this.identity = identity;
		this.clock = clock;
		this.trace = trace;
		this.calendar = calendar;
	}

	/**
	 * Create listener of triage: the first triage task puts the referral in triage for
	 * its referrer; a triage resumed after an answer publishes nothing new.
	 */
	public void triageStarted(DelegateTask task) {
		if (task.getVariable(TRIAGE_STARTED_AT) != null) {
			return;
		}
		Instant now = now();
		task.setVariable(TRIAGE_STARTED_AT, Date.from(now));
		publish(task, new ReferralFact.TriageStarted(newEventId(), referralId(task), now));
	}

	public void triaged(DelegateTask task) {
		String actor = actor(task);
		task.setVariable("triagedBy", actor);
		String outcome = Variables.text(task, "triageOutcome");
		boolean rejected = "REJECTED".equals(outcome);
		publish(task,
				new ReferralFact.Triaged(newEventId(), referralId(task), now(), outcome,
						rejected ? Variables.text(task, "reasonCode") : null,
						rejected ? Variables.text(task, "noteToReferrer") : null, actor));
	}

	public void infoRequested(DelegateExecution execution) {
		Instant now = now();
		publish(execution,
				new ReferralFact.InfoRequested(newEventId(), execution.getProcessBusinessKey(), now,
						Variables.text(execution, "infoQuestion"), calendar.daysAfter(now, ANSWER_WITHIN_DAYS),
						String.valueOf(execution.getVariable("triagedBy"))));
	}

	public void historyRecorded(DelegateTask task) {
		publish(task,
				new ReferralFact.HistoryRecorded(newEventId(), referralId(task), now(),
						Variables.text(task, "painLocation"), Variables.integer(task, "painDurationMonths"),
						Variables.integer(task, "painScore"), Variables.bool(task, "priorConservativeCare"),
						Variables.bool(task, "anticoagulated"), Variables.bool(task, "allergyToInjectate"),
						Variables.bool(task, "pregnant"), Variables.bool(task, "uncontrolledDiabetes"),
						TaskInputRules.items(task.getVariable("medications")),
						TaskInputRules.items(task.getVariable("comorbidities")), actor(task)));
	}

	public void examCompleted(DelegateTask task) {
		String actor = actor(task);
		task.setVariable("examinedBy", actor);
		publish(task, new ReferralFact.ExamCompleted(newEventId(), referralId(task), now(),
				TaskInputRules.items(task.getVariable("tenderInsertions")), Variables.bool(task, "ligamentLaxity"),
				Variables.bool(task, "jointStable"), Variables.text(task, "rangeOfMotion"),
				Variables.bool(task, "fullThicknessTearSuspected"), Variables.bool(task, "imagingNeeded"), actor));
	}

	public void suitabilityDecided(DelegateTask task) {
		String dmnSuitability = Variables.text(task, "dmnSuitability");
		String decision = Variables.text(task, "suitabilityDecision");
		var review = new SuitabilityReview(dmnSuitability, decision, Variables.text(task, "overrideRationale"));
		task.setVariable("suitabilityOverridden", review.overridden());
		task.setVariable("notSuitableReasonCode", review.closingReasonCode(Variables.text(task, "dmnReasonCode")));
		publish(task,
				new ReferralFact.SuitabilityDecided(newEventId(), referralId(task), now(), dmnSuitability,
						Variables.text(task, "dmnReasonCode"), Variables.integer(task, "dmnDecisionVersion"), decision,
						review.overridden(), review.rationale(), actor(task)));
	}

	public void coursePlanned(DelegateTask task) {
		publish(task,
				new ReferralFact.CoursePlanned(newEventId(), referralId(task), now(),
						Variables.text(task, "patientPseudonym"), Variables.text(task, "condition"),
						Variables.integer(task, "sessions"), Variables.integer(task, "intervalWeeks"),
						Variables.decimal(task, "dextrosePercent"),
						TaskInputRules.items(task.getVariable("injectionSites")), actor(task)));
	}

	/** End events: {@code ${stageEvents.closed(execution, 'REJECTED')}}. */
	public void closed(DelegateExecution execution, String outcome) {
		String reasonCode = switch (outcome) {
			case "REJECTED" -> Variables.text(execution, "reasonCode");
			case "NOT_SUITABLE" -> Variables.text(execution, "notSuitableReasonCode");
			default -> null;
		};
		// Each closing's note is the one its deciding task wrote: triage's for a
		// rejection, the clinician's for an unsuitable referral.
		String note = switch (outcome) {
			case "REJECTED" -> Variables.text(execution, "noteToReferrer");
			case "NOT_SUITABLE" -> Variables.text(execution, "suitabilityNote");
			default -> null;
		};
		execution.setVariable("closingOutcome", outcome);
		publish(execution, new ReferralFact.Closed(newEventId(), execution.getProcessBusinessKey(), now(), outcome,
				reasonCode, note));
	}

	/**
	 * Stored in the outbox in the referral's trace, whichever thread completed the stage.
	 */
	private void publish(VariableScope scope, ReferralFact fact) {
		trace.publishWithin(scope, () -> events.publishEvent(fact));
	}

	private String referralId(DelegateTask task) {
		return task.getExecution().getProcessBusinessKey();
	}

	/**
	 * The person signed in to Tasklist or the REST API who completes the task, as the
	 * engine authenticated them; never the assignee or a name sent with the completion (a
	 * claim or an assignment names someone else). "unknown" for the service's own Java
	 * calls, which have no person.
	 */
	private String actor(DelegateTask task) {
		var authentication = identity.getCurrentAuthentication();
		return (authentication != null && authentication.getUserId() != null) ? authentication.getUserId() : "unknown";
	}

	private Instant now() {
		return clock.instant();
	}

	/**
	 * Chosen in the engine's transaction, so it is stored in the outbox with the fact; a
	 * retried job rolls back both and chooses again.
	 */
	static String newEventId() {
		return UUID.randomUUID().toString();
	}

}
