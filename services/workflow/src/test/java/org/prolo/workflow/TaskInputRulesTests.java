package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.prolo.workflow.lifecycle.TaskInputRules;

class TaskInputRulesTests {

	@Test
	void listsEveryBrokenRuleOfACoursePlan() {
		var checked = TaskInputRules.check("plan-course",
				Map.of("sessions", 11, "intervalWeeks", 0, "dextrosePercent", 31.5, "injectionSites", " "));

		assertThat(checked.violations()).hasSize(4)
			.anySatisfy(v -> assertThat(v).startsWith("sessions: must be between 1 and 10"))
			.anySatisfy(v -> assertThat(v).startsWith("intervalWeeks: must be between 1 and 12"))
			.anySatisfy(v -> assertThat(v).startsWith("dextrosePercent: must be between 5.0 and 30.0"))
			.anySatisfy(v -> assertThat(v).startsWith("injectionSites: required"));
	}

	@Test
	void normalisesNumbersToTheTypesTheDecisionTablesExpect() {
		var checked = TaskInputRules.check("plan-course",
				Map.of("sessions", 4L, "intervalWeeks", 4.0, "dextrosePercent", 15, "injectionSites", "L4-L5"));

		assertThat(checked.valid()).isTrue();
		assertThat(checked.normalized()).containsEntry("sessions", 4)
			.containsEntry("intervalWeeks", 4)
			.containsEntry("dextrosePercent", 15.0);
	}

	@Test
	void refusesARejectionReasonTheFormDoesNotOffer() {
		var checked = TaskInputRules.check("triage", Map.of("triageOutcome", "REJECTED", "reasonCode", "BECAUSE",
				"noteToReferrer", "Please refer elsewhere."));
		var offered = TaskInputRules.check("triage", Map.of("triageOutcome", "REJECTED", "reasonCode",
				"DUPLICATE_REFERRAL", "noteToReferrer", "Already open."));

		assertThat(checked.violations()).singleElement().asString().startsWith("reasonCode: must be one of");
		assertThat(offered.valid()).isTrue();
	}

	@Test
	void requiresARationaleForADecisionAgainstTheTable() {
		var overridden = TaskInputRules.check("confirm-suitability",
				Map.of("dmnSuitability", "NOT_SUITABLE", "suitabilityDecision", "SUITABLE"));
		var explained = TaskInputRules.check("confirm-suitability", Map.of("dmnSuitability", "NOT_SUITABLE",
				"suitabilityDecision", "SUITABLE", "overrideRationale", "Infection treated and resolved."));

		assertThat(overridden.violations()).singleElement().asString().startsWith("overrideRationale: required");
		assertThat(explained.valid()).isTrue();
	}

	@Test
	void requiresANoteToTheReferrerWhenTheClinicianDecidesNotSuitable() {
		var silent = TaskInputRules.check("confirm-suitability", Map.of("dmnSuitability", "SUITABLE",
				"suitabilityDecision", "NOT_SUITABLE", "overrideRationale", "Skin condition over the sites."));
		var confirmedSilently = TaskInputRules.check("confirm-suitability",
				Map.of("dmnSuitability", "NOT_SUITABLE", "suitabilityDecision", "NOT_SUITABLE"));
		var suitableSilently = TaskInputRules.check("confirm-suitability",
				Map.of("dmnSuitability", "SUITABLE", "suitabilityDecision", "SUITABLE"));

		assertThat(silent.violations()).containsExactly("suitabilityNote: required when the decision is NOT_SUITABLE");
		assertThat(confirmedSilently.violations())
			.containsExactly("suitabilityNote: required when the decision is NOT_SUITABLE");
		assertThat(suitableSilently.valid()).isTrue();
	}

	@Test
	void rejectsAPainScoreOutsideTheNumericRatingScale() {
		var checked = TaskInputRules.check("record-history",
				Map.of("painLocation", "knee", "painDurationMonths", 6, "painScore", 11, "priorConservativeCare", true,
						"anticoagulated", false, "allergyToInjectate", false, "pregnant", false, "uncontrolledDiabetes",
						false));

		assertThat(checked.violations()).containsExactly("painScore: must be between 0 and 10, was 11");
	}

}
