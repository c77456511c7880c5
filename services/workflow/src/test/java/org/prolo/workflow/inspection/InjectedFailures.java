package org.prolo.workflow.inspection;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test-only failures in the real referral process, for referrals a test breaks and later
 * heals; the deployed BPMN is untouched.
 *
 * <p>
 * Triage is parsed as if it had {@code camunda:asyncAfter="true"}, so what follows a
 * completed triage runs as a job; while a referral is broken, entering
 * {@code record-history} throws, so that job fails until its retries are used up and an
 * incident appears at triage. And closing a broken referral as withdrawn throws, so the
 * workflow service's consumer cannot handle its ReferralWithdrawn and parks it in
 * {@code intake.referral-events.DLT}.
 */
@TestConfiguration(proxyBeanMethods = false)
class InjectedFailures {

	static final String CONTINUED_ASYNC_AFTER = "triage";

	static final String FAILING_ACTIVITY = "record-history";

	static final String FAILING_WITHDRAWAL = "Event_ReferralClosedWithdrawn";

	private final Set<String> broken = ConcurrentHashMap.newKeySet();

	void breakReferral(String referralId) {
		broken.add(referralId);
	}

	/** The cause is fixed: a retry or replay now goes through. */
	void heal(String referralId) {
		broken.remove(referralId);
	}

	@Bean
	ProcessEnginePlugin failureInjection() {
		ExecutionListener failIfBroken = execution -> {
			if (broken.contains(execution.getProcessBusinessKey())) {
				throw new InjectedFailure("Injected failure: referral " + execution.getProcessBusinessKey()
						+ " cannot enter " + execution.getCurrentActivityId());
			}
		};
		return new AbstractProcessEnginePlugin() {

			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				configuration.setBpmnParseFactory(parser -> new BpmnParse(parser) {

					@Override
					protected boolean isAsyncAfter(Element element) {
						return CONTINUED_ASYNC_AFTER.equals(element.attribute("id")) || super.isAsyncAfter(element);
					}

				});
				if (configuration.getCustomPostBPMNParseListeners() == null) {
					configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
				}
				configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {

					@Override
					public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
						if (FAILING_ACTIVITY.equals(activity.getId())) {
							activity.addListener(ExecutionListener.EVENTNAME_START, failIfBroken);
						}
					}

					@Override
					public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
						if (FAILING_WITHDRAWAL.equals(activity.getId())) {
							activity.addListener(ExecutionListener.EVENTNAME_START, failIfBroken);
						}
					}

				});
			}

		};
	}

	static class InjectedFailure extends RuntimeException {

		InjectedFailure(String message) {
			super(message);
		}

	}

}
