package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.prolo.workflow.lifecycle.DecisionInputs;
import org.prolo.workflow.lifecycle.ReferralToAssess;

class DecisionInputsTests {

	static Map<String, Object> referred(boolean allergy, int months, boolean conservativeCare) {
		return new HashMap<>(new ReferralToAssess("ref-1", "PSN-1", "dr-ada", "KNEE_OSTEOARTHRITIS", "knee", months,
				conservativeCare, false, allergy, false, false, false, false, "ROUTINE")
			.processVariables());
	}

	@Test
	void aContraindicationEitherOwnerReportsCounts() {
		Map<String, Object> variables = referred(true, 12, true);
		variables.put("allergyToInjectate", false);
		variables.put("pregnant", true);

		assertThat(DecisionInputs.reconciled(variables)).containsExactly(Map.entry("allergyToInjectate", true));
	}

	@Test
	void painIsChronicOnlyAsLongAsTheShorterDurationAndCareTriedOnlyIfBothSaySo() {
		Map<String, Object> variables = referred(false, 2, false);
		variables.put("painDurationMonths", 9);
		variables.put("priorConservativeCare", true);

		assertThat(DecisionInputs.reconciled(variables)).containsEntry("painDurationMonths", 2)
			.containsEntry("priorConservativeCare", false)
			.hasSize(2);
	}

	@Test
	void aHistoryThatAgreesOrIsMoreCautiousChangesNothing() {
		Map<String, Object> variables = referred(false, 12, true);
		variables.put("painDurationMonths", 4);
		variables.put("anticoagulated", true);

		assertThat(DecisionInputs.reconciled(variables)).isEmpty();
	}

	@Test
	void aReferralStartedBeforeTheReferrersStatementsWereKeptReadsTheHistory() {
		Map<String, Object> variables = new HashMap<>(Map.of("allergyToInjectate", false, "painDurationMonths", 12));

		assertThat(DecisionInputs.reconciled(variables)).isEmpty();
	}

}
