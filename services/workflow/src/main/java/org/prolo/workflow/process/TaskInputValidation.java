package org.prolo.workflow.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.prolo.workflow.lifecycle.TaskInputRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The first complete listener of every user task: refuses a completion whose variables
 * break the form's rules, whoever submits them, by throwing, so the engine rolls the
 * completion back and the task stays open. Valid numbers are stored as the Integer/Double
 * the process expects.
 */
@Component("taskInputValidation")
public class TaskInputValidation implements TaskListener {

	private static final Logger log = LoggerFactory.getLogger(TaskInputValidation.class);

	@Override
	public void notify(DelegateTask task) {
		var checked = TaskInputRules.check(task.getTaskDefinitionKey(), task.getVariables());
		if (!checked.valid()) {
			log.info("Refused to complete task {} ({}) of referral {}: {}", task.getId(), task.getTaskDefinitionKey(),
					task.getExecution().getProcessBusinessKey(), checked.violations());
			throw new InvalidTaskInputException(task.getTaskDefinitionKey(), checked.violations());
		}
		checked.normalized().forEach(task::setVariable);
	}

	/**
	 * The message lists every broken rule; the REST API returns it to the client with a
	 * 400 (a bad user request, also where Camunda's REST API does not wrap it).
	 */
	public static class InvalidTaskInputException extends BadUserRequestException {

		InvalidTaskInputException(String taskKey, java.util.List<String> violations) {
			this("Invalid input for task " + taskKey + ": " + String.join("; ", violations));
		}

		public InvalidTaskInputException(String message) {
			super(message);
		}

	}

}
