package org.prolo.workflow.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.prolo.platform.events.OutboxTracing;

import org.springframework.stereotype.Component;

/**
 * One trace per referral. The process instance keeps the W3C traceparent of the
 * ReferralSubmitted it was started for (the submitting HTTP request's trace, carried
 * through intake's outbox and Kafka) in the variable {@value #VARIABLE}. Every fact the
 * process publishes is stored in a span of that trace, whether the engine runs in the
 * Kafka listener, in the HTTP request that completed a task (its own trace becomes a link
 * of that span) or in a job; so the events of a referral reach every service in the trace
 * it began with.
 */
@Component
public class ReferralTrace {

	public static final String VARIABLE = "traceparent";

	private final OutboxTracing tracing;

	public ReferralTrace(OutboxTracing tracing) {
		this.tracing = tracing;
	}

	/** Adds the current traceparent, if any, to a new process instance's variables. */
	public Map<String, Object> withCurrentTrace(Map<String, Object> variables) {
		String traceparent = tracing.currentTraceparent();
		if (traceparent != null) {
			variables.put(VARIABLE, traceparent);
		}
		return variables;
	}

	/** Publishes within the referral's trace; without one, in the current trace. */
	void publishWithin(VariableScope scope, Runnable publish) {
		Object traceparent = scope.getVariable(VARIABLE);
		tracing.within((traceparent instanceof String text) ? text : null, "referral process", publish);
	}

}
