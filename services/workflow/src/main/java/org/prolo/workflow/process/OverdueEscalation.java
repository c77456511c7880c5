package org.prolo.workflow.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Timeout task listener at the task's due date: clinic leads also see the overdue task
 * (candidate group) while its assignee and candidate groups stay as they are, and the
 * task is marked overdue.
 */
@Component("overdueEscalation")
public class OverdueEscalation implements TaskListener {

	public static final String CLINIC_LEADS = "clinic-leads";

	/** Task-local marker of an overdue task, one of Tasklist's columns. */
	public static final String OVERDUE = "overdue";

	private static final Logger log = LoggerFactory.getLogger(OverdueEscalation.class);

	@Override
	public void notify(DelegateTask task) {
		task.addCandidateGroup(CLINIC_LEADS);
		// The marker Tasklist shows beside the due date (org.prolo.workflow.tasklist).
		task.setVariableLocal(OVERDUE, true);
		log.info("Task {} ({}) of referral {} is overdue; escalated to {}", task.getId(), task.getTaskDefinitionKey(),
				task.getExecution().getProcessBusinessKey(), CLINIC_LEADS);
	}

}
