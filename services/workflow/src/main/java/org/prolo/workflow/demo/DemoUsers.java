package org.prolo.workflow.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.prolo.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The identity service's clinic users and groups as Camunda knows them, so that Tasklist
 * and Admin show names, and two Tasklist filters. Who someone is and which groups they
 * are in comes from the identity service's token on every request (see
 * org.prolo.workflow.access); these users have no password and the webapps' login form is
 * closed. Physicians are not here: they have nothing to do in Camunda. Idempotent:
 * existing users, groups, memberships and filters are left as they are. Demo profile
 * only, like the {@code demo} user's camunda-admin membership, which that profile makes
 * an administrator group (prolo.workflow.access.admin-groups).
 */
@Component
@Profile("demo")
public class DemoUsers implements ApplicationRunner {

	/** group id → group name. */
	static final Map<String, String> GROUPS = new LinkedHashMap<>();

	static {
		GROUPS.put(Roles.INTAKE_COORDINATORS, "Intake coordinators");
		GROUPS.put(Roles.CLINICAL_COORDINATORS, "Clinical coordinators");
		GROUPS.put(Roles.CLINICIANS, "Clinicians");
		GROUPS.put(Roles.CLINIC_LEADS, "Clinic leads");
		GROUPS.put(Roles.CAMUNDA_ADMIN, "Camunda administrators");
	}

	/** The identity service's clinic users (same ids, names and groups). */
	static final List<DemoUser> USERS = List.of(
			new DemoUser("ingrid", "Ingrid", "Demo", List.of(Roles.INTAKE_COORDINATORS)),
			new DemoUser("carl", "Carl", "Demo", List.of(Roles.CLINICAL_COORDINATORS)),
			new DemoUser("clara", "Clara", "Demo", List.of(Roles.CLINICIANS)),
			new DemoUser("leo", "Leo", "Demo", List.of(Roles.CLINIC_LEADS)),
			new DemoUser("demo", "Demo", "Admin", List.of(Roles.CAMUNDA_ADMIN, Roles.CLINIC_LEADS)));

	record DemoUser(String id, String firstName, String lastName, List<String> groups) {
	}

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
		GROUPS.forEach((groupId, name) -> {
			if (identity.createGroupQuery().groupId(groupId).count() == 0) {
				var group = identity.newGroup(groupId);
				group.setName(name);
				group.setType(Roles.CAMUNDA_ADMIN.equals(groupId) ? Groups.GROUP_TYPE_SYSTEM : "WORKFLOW");
				identity.saveGroup(group);
			}
		});
		for (DemoUser user : USERS) {
			if (identity.createUserQuery().userId(user.id()).count() == 0) {
				var created = identity.newUser(user.id());
				created.setFirstName(user.firstName());
				created.setLastName(user.lastName());
				created.setEmail(user.id() + "@clinic.example");
				identity.saveUser(created);
			}
			for (String groupId : user.groups()) {
				if (identity.createUserQuery().userId(user.id()).memberOfGroup(groupId).count() == 0) {
					identity.createMembership(user.id(), groupId);
				}
			}
		}
		ensureFilter(MY_GROUPS_FILTER, -10, "Tasks of every group you are in",
				tasks.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks());
		ensureFilter(ALL_TASKS_FILTER, 0, "Every open task", tasks.createTaskQuery());
		log.info("Demo users ready: {}", USERS.stream().map(u -> u.id() + " " + u.groups()).toList());
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
