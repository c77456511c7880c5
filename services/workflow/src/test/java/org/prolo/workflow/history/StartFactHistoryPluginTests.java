package org.prolo.workflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

class StartFactHistoryPluginTests {

	@Test
	void skipsOnlyTheStartFactsThatNoFormAndNoDecisionSetsAgain() {
		var configuration = new StandaloneInMemProcessEngineConfiguration();

		new StartFactHistoryPlugin().preInit(configuration);

		assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
		assertThat(configuration.getCustomHistoryEventHandlers()).singleElement()
			.isInstanceOfSatisfying(StartFactHistory.class,
					history -> assertThat(history.names())
						.contains("referralId", "condition", "urgency", "referredPainDurationMonths", "traceparent")
						// record-history's form records these again; the suitability
						// decision may
						// reconcile them.
						.doesNotContain("painDurationMonths", "priorConservativeCare", "pregnant",
								"uncontrolledDiabetes")
						.hasSize(15));
	}

}
