package org.prolo.workflow.history;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's database history at level FULL, except the detail row
 * ({@code ACT_HI_DETAIL}) of creating one of the referral's set-once facts at the process
 * instance's scope. Such a fact is written once, when the instance starts, and never
 * changed: its historic variable instance ({@code ACT_HI_VARINST}) keeps the same value,
 * creation time, instance and activity, so the detail would only repeat it. Every other
 * variable, and every later change of any variable, keeps its detail with its time, so
 * "who changed what, and when" is still answered from the history. Process, activity and
 * task instances, decision inputs and outputs, the user operation log and the job log are
 * untouched.
 */
public class StartFactHistory extends DbHistoryEventHandler {

	private final Set<String> setOnce;

	/**
	 * @param setOnce the names of the variables an instance starts with that nothing sets
	 * again
	 */
	public StartFactHistory(Collection<String> setOnce) {
		this.setOnce = Set.copyOf(setOnce);
	}

	/**
	 * The variables an instance starts with, less those anything may set again (a form's
	 * outputs, the reconciled decision inputs).
	 */
	public static Set<String> setOnce(Collection<String> startVariables, Collection<String> setAgain) {
		Set<String> names = new TreeSet<>(startVariables);
		names.removeAll(setAgain);
		return names;
	}

	Set<String> names() {
		return setOnce;
	}

	@Override
	protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
		if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) && event.getTaskId() == null
				&& event.getProcessInstanceId() != null && event.getProcessInstanceId().equals(event.getExecutionId())
				&& setOnce.contains(event.getVariableName())) {
			return false;
		}
		return super.shouldWriteHistoricDetail(event);
	}

}
