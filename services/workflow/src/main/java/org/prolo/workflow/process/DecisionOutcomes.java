package org.prolo.workflow.process;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.prolo.workflow.lifecycle.DecisionInputs;

import org.springframework.stereotype.Component;

/**
 * End listeners of the two business rule tasks: spread the decision result (a map in the
 * task's result variable) into the plain variables the forms show and edit, and remember
 * which version of the decision decided.
 */
@Component("decisionOutcomes")
public class DecisionOutcomes {

	public static final String SUITABILITY = "prolotherapy-suitability";

	public static final String COURSE_PLAN = "prolotherapy-course-plan";

	private final RepositoryService repository;

	public DecisionOutcomes(RepositoryService repository) {
		this.repository = repository;
	}

	/**
	 * Start listener of the suitability decision: where the history recorded a fact the
	 * referrer stated, the table reads the safer of the two (DecisionInputs).
	 */
	public void suitabilityInputs(DelegateExecution execution) {
		DecisionInputs.reconciled(execution.getVariables()).forEach(execution::setVariable);
	}

	public void suitabilityProposed(DelegateExecution execution) {
		Map<?, ?> result = (Map<?, ?>) execution.getVariable("suitabilityProposal");
		execution.setVariable("dmnSuitability", result.get("suitability"));
		execution.setVariable("dmnReasonCode", result.get("reasonCode"));
		execution.setVariable("dmnDecisionVersion", decidingVersion(SUITABILITY));
	}

	/**
	 * Prefills plan-course with the proposal; the clinician may change it within the
	 * form's limits.
	 */
	public void courseProposed(DelegateExecution execution) {
		Map<?, ?> result = (Map<?, ?>) execution.getVariable("courseProposal");
		execution.setVariable("sessions", ((Number) result.get("sessions")).intValue());
		execution.setVariable("intervalWeeks", ((Number) result.get("intervalWeeks")).intValue());
		execution.setVariable("dextrosePercent", ((Number) result.get("dextrosePercent")).doubleValue());
		execution.setVariable("courseDecisionVersion", decidingVersion(COURSE_PLAN));
	}

	/**
	 * Without imaging there is no imaging red flag, but a full-thickness tear the
	 * examining clinician suspected is not ruled out either, so the table decides as if
	 * there were one (rule 6: SPECIALIST_REVIEW for a surgical opinion), the conservative
	 * choice. With imaging the report's finding decides instead (ImagingReported sets
	 * it).
	 */
	public void noImaging(DelegateExecution execution) {
		execution.setVariable("imagingRedFlag", false);
		execution.setVariable("fullThicknessTear", Variables.bool(execution, "fullThicknessTearSuspected"));
	}

	/**
	 * The business rule tasks bind decisions by key with the default binding "latest", in
	 * the same transaction as this listener: the latest version now is the one that
	 * decided. Looked up as the engine, not as the person whose completed task led here:
	 * what the process records must not depend on what that person may read.
	 */
	private int decidingVersion(String key) {
		DecisionDefinition definition = Context.getCommandContext()
			.runWithoutAuthorization(() -> repository.createDecisionDefinitionQuery()
				.decisionDefinitionKey(key)
				.withoutTenantId()
				.latestVersion()
				.singleResult());
		return definition.getVersion();
	}

}
