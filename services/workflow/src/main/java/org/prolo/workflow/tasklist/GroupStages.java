package org.prolo.workflow.tasklist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.prolo.workflow.starting.StartingAssessment;

import org.springframework.stereotype.Component;

/**
 * The stages each staff group works, read from the deployed process model: the user tasks
 * whose candidate groups name the group. The model is the one place that says which group
 * a task goes to; nobody adds or removes a task's candidate group by hand (the engine
 * guard), and the overdue escalation only adds clinic-leads. So the open tasks at a
 * group's stages are the group's open tasks, and a list can select them by the task's own
 * column instead of joining every candidate link. Clinic leads have no stage of their
 * own: they get tasks of any stage once overdue.
 */
@Component
public class GroupStages {

	private final RepositoryService repository;

	public GroupStages(RepositoryService repository) {
		this.repository = repository;
	}

	/**
	 * The referral process's user tasks of {@code group} in every deployed version (tasks
	 * of an older version may still be open), in the model's order; empty for a group the
	 * model gives no task.
	 */
	public List<String> of(String group) {
		Set<String> stages = new LinkedHashSet<>();
		List<ProcessDefinition> versions = repository.createProcessDefinitionQuery()
			.processDefinitionKey(StartingAssessment.PROCESS_KEY)
			.orderByProcessDefinitionVersion()
			.desc()
			.list();
		for (ProcessDefinition version : versions) {
			candidateGroups(repository.getBpmnModelInstance(version.getId())).forEach((task, groups) -> {
				if (groups.contains(group)) {
					stages.add(task);
				}
			});
		}
		return List.copyOf(stages);
	}

	/**
	 * Each user task of a model → the candidate groups it names. A task whose candidate
	 * groups are computed (an expression) maps to no group: which group its tasks go to
	 * is known only once they exist.
	 */
	public static Map<String, Set<String>> candidateGroups(BpmnModelInstance model) {
		Map<String, Set<String>> groups = new LinkedHashMap<>();
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			List<String> named = task.getCamundaCandidateGroupsList();
			boolean computed = named.stream().anyMatch(group -> group.contains("${") || group.contains("#{"));
			groups.put(task.getId(), computed ? Set.of() : Set.copyOf(named.stream().map(String::trim).toList()));
		}
		return Collections.unmodifiableMap(groups);
	}

}
