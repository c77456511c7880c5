package org.prolo.workflow.history;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.prolo.workflow.guard.FormOutputs;
import org.prolo.workflow.lifecycle.DecisionInputs;
import org.prolo.workflow.lifecycle.ReferralToAssess;
import org.prolo.workflow.process.ReferralTrace;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Writes the engine's history through {@link StartFactHistory} instead of Camunda's
 * default database handler. The set-once facts are the variables a referral starts with
 * (and its trace), less every form's outputs and the decision inputs the suitability
 * decision reconciles: those may change later, so their creation keeps its detail. A new
 * form output or start variable changes the set without a change here. The level stays
 * FULL (the database's stored level is unchanged, so existing databases start as before);
 * other history handlers, if any, still get every event. Off with
 * {@code prolo.workflow.history.skip-start-fact-details=false} (Camunda's own handler, as
 * before), which is how the benchmark measures what it saves.
 */
@Component
@ConditionalOnProperty(name = "prolo.workflow.history.skip-start-fact-details", havingValue = "true",
		matchIfMissing = true)
public class StartFactHistoryPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		Set<String> setAgain = new HashSet<>(DecisionInputs.REFERRED.keySet());
		FormOutputs.fromClasspath().values().forEach(setAgain::addAll);
		List<String> start = new ArrayList<>(ReferralToAssess.variableNames());
		start.add(ReferralTrace.VARIABLE);
		List<HistoryEventHandler> handlers = new ArrayList<>();
		handlers.add(new StartFactHistory(StartFactHistory.setOnce(start, setAgain)));
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		configuration.setCustomHistoryEventHandlers(handlers);
		configuration.setEnableDefaultDbHistoryEventHandler(false);
	}

}
