package org.prolo.workflow.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.prolo.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * One Tasklist filter per staff group, kept in place at every start: the group's open
 * tasks, urgent ones first (the task's priority, set from the referral's urgency in the
 * process model), then by due date, each row showing the referral's context
 * ({@link ReferralContext}). A group's open tasks are the tasks at its stages
 * ({@link GroupStages}), selected by the task's own column: the list and its count then
 * read an index of the tasks instead of joining every candidate link of the group. Clinic
 * leads, who have no stage of their own, get the tasks escalated to them (their candidate
 * group). An existing filter keeps its name and properties; its query follows the
 * deployed model. Every staff member may read every filter; a filter of another group
 * lists none of their tasks, since a person's task queries reach only their own groups'
 * tasks.
 */
@Component
public class StaffTaskLists implements ApplicationRunner {

	/** group id → filter name. */
	public static final Map<String, String> FILTERS = filters();

	private static final Logger log = LoggerFactory.getLogger(StaffTaskLists.class);

	private final FilterService filters;

	private final TaskService tasks;

	private final GroupStages stages;

	public StaffTaskLists(FilterService filters, TaskService tasks, GroupStages stages) {
		this.filters = filters;
		this.tasks = tasks;
		this.stages = stages;
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
		List<String> keys = stages.of(group);
		TaskQuery query = query(group, keys);
		// The oldest of that name: two nodes starting at once on an empty database may
		// both
		// have created it, and a second one must not stop every later start.
		Filter existing = filters.createFilterQuery()
			.filterName(name)
			.orderByFilterId()
			.asc()
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		if (existing != null) {
			if (!json(existing).equals(json(filters.newTaskFilter(name).setQuery(query)))) {
				try {
					filters.saveFilter(existing.setQuery(query));
					log.info("Tasklist filter \"{}\" now lists the tasks at {}", name,
							keys.isEmpty() ? "any stage with candidate group " + group : keys);
				}
				catch (OptimisticLockingException ex) {
					log.info("Tasklist filter \"{}\" was updated by another node starting at the same time", name);
				}
			}
			return;
		}
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

	/**
	 * The group's open tasks, assigned or not, urgent first, then by due date: the tasks
	 * at its stages, or of its candidate group for a group without stages.
	 */
	private TaskQuery query(String group, List<String> keys) {
		TaskQuery query = tasks.createTaskQuery();
		if (keys.isEmpty()) {
			query.taskCandidateGroup(group).includeAssignedTasks();
		}
		else {
			query.taskDefinitionKeyIn(keys.toArray(String[]::new));
		}
		return query.orderByTaskPriority().desc().orderByDueDate().asc();
	}

	private static String json(Filter filter) {
		return ((FilterEntity) filter).getQueryInternal();
	}

}
