package org.prolo.workflow.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.prolo.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * One Tasklist filter per staff group, kept in place at every start (an existing filter
 * of the same name is left as it is): the group's open tasks, urgent ones first (the
 * task's priority, set from the referral's urgency in the process model), then by due
 * date, each row showing the referral's context ({@link ReferralContext}). Every staff
 * member may read every filter; a filter of another group lists none of their tasks,
 * since a person's task queries reach only their own groups' tasks.
 */
@Component
public class StaffTaskLists implements ApplicationRunner {

	/** group id → filter name. */
	public static final Map<String, String> FILTERS = filters();

	private static final Logger log = LoggerFactory.getLogger(StaffTaskLists.class);

	private final FilterService filters;

	private final TaskService tasks;

	public StaffTaskLists(FilterService filters, TaskService tasks) {
		this.filters = filters;
		this.tasks = tasks;
	}

	private static Map<String, String> filters() {
		Map<String, String> names = new LinkedHashMap<>();
		names.put(Roles.INTAKE_COORDINATORS, "Intake: triage");
		names.put(Roles.CLINICAL_COORDINATORS, "Clinical coordination");
		names.put(Roles.CLINICIANS, "Clinicians");
		names.put(Roles.CLINIC_LEADS, "Clinic leads: overdue");
		return java.util.Collections.unmodifiableMap(names);
	}

	@Override
	public void run(ApplicationArguments args) {
		int priority = -20;
		for (Map.Entry<String, String> group : FILTERS.entrySet()) {
			ensure(group.getValue(), priority++, group.getKey());
		}
		log.info("Tasklist filters ready for {}", FILTERS.keySet());
	}

	private void ensure(String name, int priority, String group) {
		if (filters.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		TaskQuery query = tasks.createTaskQuery()
			.taskCandidateGroup(group)
			.includeAssignedTasks()
			.orderByTaskPriority()
			.desc()
			.orderByDueDate()
			.asc();
		List<Map<String, String>> columns = ReferralContext.COLUMNS.entrySet()
			.stream()
			.map(column -> Map.of("name", column.getKey(), "label", column.getValue()))
			.toList();
		Filter filter = filters.newTaskFilter(name)
			.setOwner(null)
			.setQuery(query)
			.setProperties(Map.of("priority", priority, "description",
					"Open tasks of " + group + ", urgent first, then by due date", "refresh", true,
					"showUndefinedVariable", false, "variables", columns));
		filters.saveFilter(filter);
	}

}
