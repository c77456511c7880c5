package org.prolo.workflow.access;

import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.prolo.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's authorizations of the clinic's groups, kept in place at every start
 * (idempotent: missing grants are added, nothing is taken away).
 * <ul>
 * <li>Staff groups: Tasklist, READ on every task filter, and on the referral process READ
 * (its name and diagram in Tasklist), READ_TASK and TASK_WORK: its tasks' permissions for
 * the whole group at once, not one authorization row per task, which every task query
 * would have to compare with every task. Which of those tasks a person sees and works is
 * narrowed to their own groups' tasks and the tasks given to them ({@link StaffTaskScope}
 * for queries, the engine guard for everything else). Nobody of them may UPDATE a task
 * (reassign it, change its due date) or CREATE a task or a process instance: referrals
 * start only at intake.</li>
 * <li>An assignee, owner or candidate user still gets READ and TASK_WORK on their task
 * from the engine's default task permissions (camunda.bpm.generic-properties
 * default-user-permission-name-for-task).</li>
 * <li>clinic-leads: TASK_ASSIGN on every task, to assign and delegate (only to a member
 * of one of the task's groups: org.prolo.workflow.guard).</li>
 * <li>The administrator groups ({@link AdministratorGroups}, workflow-admins unless
 * configured): ALL on every resource, Cockpit and Admin included, as Camunda's own
 * first-admin setup grants it; they are also the engine's admin groups.</li>
 * <li>Physicians and service clients: nothing.</li>
 * </ul>
 * Tasks created while authorizations were off have no person's task permissions; they get
 * them once, as the engine would have given them (the marker property says it was done).
 * Task rows of candidate groups written before the grant moved to the process definition
 * are removed once, too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GroupAuthorizations implements ApplicationRunner {

	static final String PROCESS_KEY = "prolotherapy-referral";

	public static final String TASKS_BACKFILLED = "prolo.task-authorizations-backfilled";

	public static final String GROUP_TASK_ROWS_REMOVED = "prolo.group-task-authorizations-removed";

	private static final Logger log = LoggerFactory.getLogger(GroupAuthorizations.class);

	private static final int PAGE = 500;

	private final AuthorizationService authorizations;

	private final TaskService tasks;

	private final ManagementService management;

	private final ProcessEngineConfigurationImpl configuration;

	private final AdministratorGroups administrators;

	public GroupAuthorizations(AuthorizationService authorizations, TaskService tasks, ManagementService management,
			ProcessEngineConfigurationImpl configuration, AdministratorGroups administrators) {
		this.authorizations = authorizations;
		this.administrators = administrators;
		this.tasks = tasks;
		this.management = management;
		this.configuration = configuration;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String group : Roles.STAFF) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.FILTER, Authorization.ANY, Permissions.READ);
			grant(group, Resources.PROCESS_DEFINITION, PROCESS_KEY, Permissions.READ, Permissions.READ_TASK,
					Permissions.TASK_WORK);
		}
		// Leads give tasks to people (the engine guard checks the assignee is a member of
		// one of the task's groups); nobody else may.
		grant(Roles.CLINIC_LEADS, Resources.TASK, Authorization.ANY, Permissions.TASK_ASSIGN);
		for (String group : this.administrators.adminGroups()) {
			for (Resources resource : Resources.values()) {
				grant(group, resource, Authorization.ANY, Permissions.ALL);
			}
		}
		if (configuration.isAuthorizationEnabled() && !management.getProperties().containsKey(TASKS_BACKFILLED)) {
			int backfilled = backfillTaskPermissions();
			management.setProperty(TASKS_BACKFILLED, "true");
			log.info("Task permissions given to the candidates and assignees of {} tasks created earlier", backfilled);
		}
		if (!management.getProperties().containsKey(GROUP_TASK_ROWS_REMOVED)) {
			int removed = removeGroupTaskRows();
			management.setProperty(GROUP_TASK_ROWS_REMOVED, "true");
			log.info("{} task authorizations of candidate groups removed; the groups hold them on {}", removed,
					PROCESS_KEY);
		}
		log.info("Camunda authorizations ready for {} and the administrator groups {}", Roles.STAFF,
				this.administrators.adminGroups());
	}

	private int backfillTaskPermissions() {
		Permission work = configuration.getDefaultUserPermissionForTask();
		int count = 0;
		List<Task> page;
		do {
			page = tasks.createTaskQuery().orderByTaskId().asc().listPage(count, PAGE);
			for (Task task : page) {
				for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
					if (link.getUserId() != null) {
						grantUser(link.getUserId(), task.getId(), Permissions.READ, work);
					}
				}
				if (task.getAssignee() != null) {
					grantUser(task.getAssignee(), task.getId(), Permissions.READ, work);
				}
			}
			count += page.size();
		}
		while (page.size() == PAGE);
		return count;
	}

	private int removeGroupTaskRows() {
		int removed = 0;
		int kept = 0;
		List<Authorization> page;
		do {
			// Ordered by resource id, the "*" grants (kept) come first and the pages
			// after them shift as rows go.
			page = authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.resourceType(Resources.TASK)
				.groupIdIn(Roles.STAFF.toArray(String[]::new))
				.orderByResourceId()
				.asc()
				.listPage(kept, PAGE);
			for (Authorization authorization : page) {
				if (Authorization.ANY.equals(authorization.getResourceId())) {
					kept++;
				}
				else {
					authorizations.deleteAuthorization(authorization.getId());
					removed++;
				}
			}
		}
		while (page.size() == PAGE);
		return removed;
	}

	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		save(existing, resource, resourceId, permissions, authorization -> authorization.setGroupId(group));
	}

	private void grantUser(String user, String taskId, Permission... permissions) {
		Authorization existing = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.userIdIn(user)
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.singleResult();
		save(existing, Resources.TASK, taskId, permissions, authorization -> authorization.setUserId(user));
	}

	private void save(Authorization existing, Resource resource, String resourceId, Permission[] permissions,
			Consumer<Authorization> grantee) {
		Authorization authorization = existing;
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grantee.accept(authorization);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		boolean changed = existing == null;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizations.saveAuthorization(authorization);
		}
	}

}
