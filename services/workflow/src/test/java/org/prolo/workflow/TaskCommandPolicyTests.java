package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.prolo.workflow.lifecycle.TaskCommandPolicy;

class TaskCommandPolicyTests {

	static final List<String> STAFF = List.of("intake-coordinators", "clinical-coordinators", "clinicians",
			"clinic-leads");

	final TaskCommandPolicy policy = new TaskCommandPolicy(
			Map.of("confirm-suitability", Set.of("suitabilityDecision", "overrideRationale", "suitabilityNote"),
					"triage", Set.of("triageOutcome", "reasonCode", "noteToReferrer", "infoQuestion")),
			STAFF);

	@Test
	void letsACandidateGroupMemberReachTheTask() {
		assertThat(policy.taskAccessRefusal("ingrid", List.of("intake-coordinators"), List.of("intake-coordinators"),
				List.of()))
			.isEmpty();
	}

	@Test
	void refusesAStaffMemberOfAnotherGroup() {
		assertThat(policy.taskAccessRefusal("clara", List.of("clinicians"), List.of("intake-coordinators"), List.of()))
			.hasValueSatisfying(reason -> assertThat(reason).contains("intake-coordinators").contains("clara"));
	}

	@Test
	void letsClinicLeadsReachATaskOnlyOnceItIsEscalatedToThem() {
		assertThat(policy.taskAccessRefusal("leo", List.of("clinic-leads"), List.of("clinicians"), List.of()))
			.isPresent();
		assertThat(policy.taskAccessRefusal("leo", List.of("clinic-leads"), List.of("clinicians", "clinic-leads"),
				List.of()))
			.isEmpty();
	}

	@Test
	void letsThePersonGivenTheTaskReachItOutsideItsGroups() {
		assertThat(policy.taskAccessRefusal("carl", List.of("clinical-coordinators"), List.of("intake-coordinators"),
				List.of("carl")))
			.isEmpty();
	}

	@Test
	void acceptsACompletionCarryingOnlyItsOwnPlainOutputs() {
		assertThat(policy.completionRefusal("confirm-suitability",
				Map.of("suitabilityDecision", "string", "overrideRationale", "null")))
			.isEmpty();
	}

	@Test
	void refusesCompletionThatRewritesDecision() {
		assertThat(policy.completionRefusal("confirm-suitability",
				Map.of("suitabilityDecision", "string", "dmnSuitability", "string")))
			.hasValueSatisfying(reason -> assertThat(reason).contains("may not set dmnSuitability")
				.contains("suitabilityDecision"));
	}

	@Test
	void namesEveryForeignVariable() {
		assertThat(policy.completionRefusal("triage",
				Map.of("triageOutcome", "string", "malignancyAtSite", "boolean", "triagedBy", "string")))
			.hasValueSatisfying(reason -> assertThat(reason).contains("malignancyAtSite, triagedBy"));
	}

	@Test
	void aTaskWithoutAFormAcceptsNoVariables() {
		assertThat(policy.completionRefusal("no-form", Map.of("anything", "string"))).isPresent();
		assertThat(policy.completionRefusal("no-form", Map.of())).isEmpty();
	}

	@Test
	void refusesSerializedValuesUnderTheTasksOwnNames() {
		assertThat(policy.completionRefusal("triage", Map.of("triageOutcome", "object")))
			.hasValueSatisfying(reason -> assertThat(reason).contains("triageOutcome (object)"));
		assertThat(policy.completionRefusal("triage", Map.of("triageOutcome", "json"))).isPresent();
		assertThat(policy.completionRefusal("triage", Map.of("triageOutcome", "xml"))).isPresent();
		assertThat(policy.completionRefusal("triage", Map.of("triageOutcome", "bytes"))).isPresent();
	}

	@Test
	void refusesEveryVariableChangeOutsideACompletion() {
		assertThat(policy.variableChangeRefusal(List.of("dmnSuitability")))
			.hasValueSatisfying(reason -> assertThat(reason).contains("dmnSuitability"));
	}

	@Test
	void claimsOnlyForOneself() {
		List<String> coordinator = List.of("intake-coordinators");

		assertThat(policy.claimRefusal("ingrid", coordinator, null, "ingrid")).isEmpty();
		assertThat(policy.claimRefusal("ingrid", coordinator, null, "dr-ada")).isPresent();
		assertThat(policy.claimRefusal("ingrid", coordinator, null, "ines")).isPresent();
	}

	@Test
	void givesBackOnlyATaskOfOnesOwnUnlessALeadTakesIt() {
		List<String> coordinator = List.of("intake-coordinators");

		assertThat(policy.claimRefusal("ingrid", coordinator, "ingrid", null)).isEmpty();
		assertThat(policy.claimRefusal("ingrid", coordinator, "ines", null))
			.hasValueSatisfying(reason -> assertThat(reason).contains("lead's decision"));
		assertThat(policy.claimRefusal("leo", List.of("clinic-leads"), "ines", null)).isEmpty();
	}

	@Test
	void onlyTheAssigneeWorksAnAssignedTask() {
		assertThat(policy.workRefusal("ingrid", null)).isEmpty();
		assertThat(policy.workRefusal("ingrid", "ingrid")).isEmpty();
		assertThat(policy.workRefusal("ingrid", "ines"))
			.hasValueSatisfying(reason -> assertThat(reason).contains("ines"));
	}

	@Test
	void aStandaloneTaskWithoutKeyHasNoOutputs() {
		assertThat(policy.outputsOf(null)).isEmpty();
		assertThat(policy.completionRefusal(null, Map.of("triageOutcome", "string"))).isPresent();
	}

	@Test
	void onlyALeadAssignsAndOnlyToAMemberOfTheTasksGroups() {
		List<String> triageGroups = List.of("intake-coordinators");
		List<String> lead = List.of("clinic-leads");

		assertThat(policy.assignmentRefusal(lead, "ines", List.of("intake-coordinators"), triageGroups)).isEmpty();
		assertThat(policy.assignmentRefusal(List.of("intake-coordinators"), "ines", List.of("intake-coordinators"),
				triageGroups))
			.hasValueSatisfying(reason -> assertThat(reason).contains("only clinic leads"));
		assertThat(policy.assignmentRefusal(lead, "clara", List.of("clinicians"), triageGroups)).isPresent();
		assertThat(policy.assignmentRefusal(lead, "dr-ada", List.of(), triageGroups)).isPresent();
		// A physician group on the task itself gives nobody a way in.
		assertThat(policy.assignmentRefusal(lead, "dr-ada", List.of("physician"), List.of("physician"))).isPresent();
		assertThat(policy.assignmentRefusal(lead, null, List.of(), triageGroups)).isEmpty();
	}

	@Test
	void nobodyChangesATasksCandidateGroupsByHand() {
		assertThat(policy.candidateGroupRefusal("clinic-leads")).isPresent();
		assertThat(policy.candidateGroupRefusal("physician")).isPresent();
	}

}
