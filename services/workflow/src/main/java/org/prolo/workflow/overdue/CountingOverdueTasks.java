package org.prolo.workflow.overdue;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.prolo.platform.security.Roles;

import org.springframework.stereotype.Service;

/**
 * Counts as the service, not as the caller: the access rules let only clinic leads ask,
 * and a count names no task or referral.
 */
@Service
public class CountingOverdueTasks {

	/**
	 * The groups that work the lifecycle's tasks. Clinic leads are left out: an overdue
	 * task is escalated to them too, so theirs would be every overdue task again.
	 */
	public static final List<String> GROUPS = List.of(Roles.INTAKE_COORDINATORS, Roles.CLINICAL_COORDINATORS,
			Roles.CLINICIANS);

	private final TaskService tasks;

	private final Clock clock;

	public CountingOverdueTasks(TaskService tasks, Clock clock) {
		this.tasks = tasks;
		this.clock = clock;
	}

	public OverdueTasks count() {
		Instant now = clock.instant();
		Date due = Date.from(now);
		Map<String, Long> byGroup = new LinkedHashMap<>();
		for (String group : GROUPS) {
			byGroup.put(group,
					tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().dueBefore(due).count());
		}
		return new OverdueTasks(now, tasks.createTaskQuery().dueBefore(due).count(), byGroup);
	}

}
