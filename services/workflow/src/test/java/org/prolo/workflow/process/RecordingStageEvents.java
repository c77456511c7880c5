package org.prolo.workflow.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.prolo.workflow.lifecycle.SuitabilityReview;

/**
 * Stands in for the {@code stageEvents} bean in process tests: same methods as the model
 * calls them, records what the real bean would publish (without Spring's outbox) and sets
 * the process variables the real bean sets, so the paths after it behave as in
 * production.
 */
public class RecordingStageEvents {

	/** One published stage fact: its type, the referral and what it carries. */
	public record Published(String type, String referralId, Map<String, Object> details) {

		public Object get(String name) {
			return this.details.get(name);
		}

	}

	private final List<Published> published = new ArrayList<>();

	public void triageStarted(DelegateTask task) {
		if (task.getVariable(StageEvents.TRIAGE_STARTED_AT) == null) {
			task.setVariable(StageEvents.TRIAGE_STARTED_AT, new java.util.Date());
			record("TriageStarted", task);
		}
	}

	public void triaged(DelegateTask task) {
		task.setVariable("triagedBy", actor(task));
		String outcome = text(task, "triageOutcome");
		boolean rejected = "REJECTED".equals(outcome);
		record("Triaged", task, "outcome", outcome, "reasonCode", rejected ? text(task, "reasonCode") : null,
				"noteToReferrer", rejected ? text(task, "noteToReferrer") : null);
	}

	public void infoRequested(DelegateExecution execution) {
		record("InfoRequested", execution.getProcessBusinessKey(), "question", text(execution, "infoQuestion"));
	}

	public void historyRecorded(DelegateTask task) {
		record("HistoryRecorded", task, "painDurationMonths", task.getVariable("painDurationMonths"),
				"priorConservativeCare", task.getVariable("priorConservativeCare"), "anticoagulated",
				task.getVariable("anticoagulated"));
	}

	public void examCompleted(DelegateTask task) {
		task.setVariable("examinedBy", actor(task));
		record("ExamCompleted", task, "imagingNeeded", task.getVariable("imagingNeeded"));
	}

	public void suitabilityDecided(DelegateTask task) {
		String dmnSuitability = text(task, "dmnSuitability");
		var review = new SuitabilityReview(dmnSuitability, text(task, "suitabilityDecision"),
				text(task, "overrideRationale"));
		task.setVariable("suitabilityOverridden", review.overridden());
		task.setVariable("notSuitableReasonCode", review.closingReasonCode(text(task, "dmnReasonCode")));
		record("SuitabilityDecided", task, "dmnSuitability", dmnSuitability, "dmnReasonCode",
				text(task, "dmnReasonCode"), "dmnDecisionVersion", task.getVariable("dmnDecisionVersion"), "decision",
				review.decision(), "overridden", review.overridden(), "overrideRationale", review.rationale());
	}

	public void coursePlanned(DelegateTask task) {
		record("CoursePlanned", task, "condition", text(task, "condition"), "sessions", task.getVariable("sessions"),
				"intervalWeeks", task.getVariable("intervalWeeks"), "dextrosePercent",
				task.getVariable("dextrosePercent"));
	}

	public void closed(DelegateExecution execution, String outcome) {
		String reasonCode = switch (outcome) {
			case "REJECTED" -> text(execution, "reasonCode");
			case "NOT_SUITABLE" -> text(execution, "notSuitableReasonCode");
			default -> null;
		};
		String note = switch (outcome) {
			case "REJECTED" -> text(execution, "noteToReferrer");
			case "NOT_SUITABLE" -> text(execution, "suitabilityNote");
			default -> null;
		};
		execution.setVariable("closingOutcome", outcome);
		record("Closed", execution.getProcessBusinessKey(), "outcome", outcome, "reasonCode", reasonCode,
				"noteToReferrer", note);
	}

	public List<Published> published() {
		return List.copyOf(this.published);
	}

	public List<String> types() {
		return this.published.stream().map(Published::type).toList();
	}

	/** The only fact of this type; fails when there is none or more than one. */
	public Published only(String type) {
		List<Published> found = this.published.stream().filter(p -> p.type().equals(type)).toList();
		if (found.size() != 1) {
			throw new AssertionError("Expected one " + type + " but published " + types());
		}
		return found.get(0);
	}

	private void record(String type, DelegateTask task, Object... details) {
		record(type, task.getExecution().getProcessBusinessKey(), details);
	}

	private void record(String type, String referralId, Object... details) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < details.length; i += 2) {
			map.put((String) details[i], details[i + 1]);
		}
		this.published.add(new Published(type, referralId, map));
	}

	private static String actor(DelegateTask task) {
		return (task.getAssignee() != null) ? task.getAssignee() : "unknown";
	}

	private static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return (value != null && !value.toString().isBlank()) ? value.toString() : null;
	}

}
