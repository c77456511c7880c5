package org.prolo.workflow.demo;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One user per group of the lifecycle (password = user id) and two Tasklist filters.
 * Idempotent: existing users, groups, memberships and filters are left as they are. The
 * admin user demo/demo comes from camunda.bpm.admin-user.
 */
@Component
@ConditionalOnProperty(name = "prolo.demo-users.enabled", havingValue = "true", matchIfMissing = true)
public class DemoUsers implements ApplicationRunner {

	/** user id → (first name, group id, group name). */
	static final List<List<String>> USERS = List.of(
			List.of("ingrid", "Ingrid", "intake-coordinators", "Intake coordinators"),
			List.of("carl", "Carl", "clinical-coordinators", "Clinical coordinators"),
			List.of("clara", "Clara", "clinicians", "Clinicians"),
			List.of("leo", "Leo", "clinic-leads", "Clinic leads"));

	public static final String MY_GROUPS_FILTER = "My groups' tasks";

	public static final String ALL_TASKS_FILTER = "All tasks";

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final IdentityService identity;

	private final FilterService filters;

	private final TaskService tasks;

	public DemoUsers(IdentityService identity, FilterService filters, TaskService tasks) {
		this.identity = identity;
		this.filters = filters;
		this.tasks = tasks;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (List<String> user : USERS) {
			String userId = user.get(0);
			String groupId = user.get(2);
			if (identity.createGroupQuery().groupId(groupId).count() == 0) {
				var group = identity.newGroup(groupId);
				group.setName(user.get(3));
				group.setType("WORKFLOW");
				identity.saveGroup(group);
			}
			if (identity.createUserQuery().userId(userId).count() == 0) {
				var created = identity.newUser(userId);
				created.setFirstName(user.get(1));
				created.setLastName("Demo");
				created.setPassword(userId);
				created.setEmail(userId + "@clinic.example");
				identity.saveUser(created);
			}
			if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
				identity.createMembership(userId, groupId);
			}
		}
		ensureFilter(MY_GROUPS_FILTER, -10, "Tasks of every group you are in",
				tasks.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks());
		ensureFilter(ALL_TASKS_FILTER, 0, "Every open task", tasks.createTaskQuery());
		log.info("Demo users ready: {}", USERS.stream().map(u -> u.get(0) + " (" + u.get(2) + ")").toList());
	}

	private void ensureFilter(String name, int priority, String description,
			org.camunda.bpm.engine.task.TaskQuery query) {
		if (filters.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Filter filter = filters.newTaskFilter(name)
			.setOwner(null)
			.setQuery(query)
			.setProperties(Map.of("priority", priority, "description", description, "refresh", true,
					"showUndefinedVariable", false));
		filters.saveFilter(filter);
	}

}
