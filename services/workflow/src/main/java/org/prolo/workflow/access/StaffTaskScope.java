package org.prolo.workflow.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmmn.entity.repository.CaseDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.prolo.workflow.tasklist.GroupStages;
import org.prolo.workflow.tasklist.ReferralContext;

/**
 * The engine's authorization checks, with a person's task queries narrowed to the tasks
 * of their groups and the tasks given to them. Staff groups read tasks through a grant on
 * the process definition (one row per group, not per task), which on its own would show
 * every group every task; the narrowing is one more condition on the query the engine
 * builds anyway, so the list, its count and a single task by id all see the same tasks.
 * Administrators and the engine's own work are not narrowed. A query for the tasks at
 * stages whose tasks the deployed model gives to one of the caller's groups (their
 * group's Tasklist filter) is left as the administrator's query is: every task it finds
 * is one of theirs, so neither the narrowing nor the engine's check of each task could
 * remove one.
 * <p>
 * A list's referral context ({@link ReferralContext}: pseudonym, condition, urgency ...)
 * is read for the tasks the person sees, from the task, its execution or its process
 * instance: Tasklist asks for those variables by scope right after the list. Nothing else
 * of a referral is readable this way; the task's own variables and form stay behind the
 * engine guard.
 */
final class StaffTaskScope extends AuthorizationManager {

	@Override
	public void configureTaskQuery(TaskQueryImpl query) {
		super.configureTaskQuery(query);
		if (!narrowed(query.getAuthCheck().isAuthorizationCheckEnabled())) {
			return;
		}
		Authentication caller = getCurrentAuthentication();
		if (atStagesOf(query, caller)) {
			// Neither the block nor the engine's check of each task could remove a task
			// this query finds; checked once here instead of once per task (the count
			// of a group's filter visits every open task of the group).
			query.getAuthCheck().setAuthorizationCheckEnabled(false);
			return;
		}
		if (!confinedToGroupsOf(query, caller)
				&& query.getQueries().stream().noneMatch(CallersTasks.class::isInstance)) {
			query.addOrQuery(new CallersTasks(caller));
		}
	}

	/**
	 * A query for candidate groups that are all the caller's (Tasklist's filter of their
	 * group) already returns only tasks of their groups: the block would add nothing but
	 * columns PostgreSQL then reads from every task row.
	 */
	private static boolean confinedToGroupsOf(TaskQueryImpl query, Authentication caller) {
		if (query.getQueries().size() != 1 || query.getCandidateUser() != null || query.getCandidateGroupLike() != null
				|| caller.getGroupIds() == null) {
			return false;
		}
		List<String> groups = query.getCandidateGroups();
		return groups != null && !groups.isEmpty() && caller.getGroupIds().containsAll(groups);
	}

	/**
	 * A query for the tasks at given stages (Tasklist's filter of a group:
	 * taskDefinitionKeyIn) whose every task is one the caller may see and read: in every
	 * deployed process with a user task of such an id, that task names one of the
	 * caller's groups as candidate group (the model is the only source of a task's
	 * candidate groups: the engine guard refuses a person's changes, and the overdue
	 * escalation only adds clinic-leads), and the caller holds READ_TASK on the process
	 * definition (the grant the engine's own check finds for each of its tasks). The
	 * deployed definitions are read at each query, so a version deployed since (by
	 * another node, too) counts. Cases are not narrowed this way: a case's tasks pass the
	 * engine's check whatever their groups, so any deployed case definition ends it.
	 */
	private boolean atStagesOf(TaskQueryImpl query, Authentication caller) {
		Set<String> stages = new LinkedHashSet<>();
		if (query.getKeys() != null) {
			stages.addAll(Arrays.asList(query.getKeys()));
		}
		else if (query.getKey() != null) {
			stages.add(query.getKey());
		}
		List<String> groups = caller.getGroupIds();
		if (stages.isEmpty() || query.getQueries().size() != 1 || groups == null || groups.isEmpty()) {
			return false;
		}
		CommandContext context = Context.getCommandContext();
		ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
		boolean tenantCheck = context.isTenantCheckEnabled();
		List<ProcessDefinition> definitions;
		long cases;
		context.disableTenantCheck();
		try {
			definitions = context
				.runWithoutAuthorization(() -> new ProcessDefinitionQueryImpl().executeList(context, null));
			cases = !configuration.isCmmnEnabled() ? 0
					: context.runWithoutAuthorization(() -> new CaseDefinitionQueryImpl().executeCount(context));
		}
		finally {
			context.setTenantCheckEnabled(tenantCheck);
		}
		if (cases > 0) {
			return false;
		}
		Set<String> processes = new LinkedHashSet<>();
		Set<String> known = new LinkedHashSet<>();
		for (ProcessDefinition definition : definitions) {
			Map<String, Set<String>> candidates = GroupStages.candidateGroups(
					configuration.getDeploymentCache().findBpmnModelInstanceForProcessDefinition(definition.getId()));
			for (String stage : stages) {
				Set<String> named = candidates.get(stage);
				if (named != null) {
					if (Collections.disjoint(named, groups)) {
						return false;
					}
					processes.add(definition.getKey());
					known.add(stage);
				}
			}
		}
		// A stage no deployed model has proves nothing about whose tasks it finds (a
		// database comparing keys without case would match another group's stage).
		return known.equals(stages) && processes.stream()
			.allMatch(process -> isAuthorized(caller.getUserId(), groups, Permissions.READ_TASK,
					Resources.PROCESS_DEFINITION, process));
	}

	@Override
	protected void configureVariableInstanceQuery(VariableInstanceQueryImpl query) {
		super.configureVariableInstanceQuery(query);
		String[] names = query.getVariableNames();
		String[] scopes = query.getVariableScopeIds();
		if (!narrowed(query.getAuthCheck().isAuthorizationCheckEnabled()) || names == null || scopes == null
				|| query.getTaskIds() != null || query.getProcessInstanceIds() != null
				|| !ReferralContext.VARIABLES.containsAll(Arrays.asList(names))) {
			return;
		}
		Authentication caller = getCurrentAuthentication();
		CommandContext context = Context.getCommandContext();
		Set<String> readable = context.runWithoutAuthorization(() -> {
			Set<String> ids = new LinkedHashSet<>();
			List<Task> seen = new ArrayList<>();
			TaskQueryImpl byTask = callersTasks(caller);
			byTask.taskIdIn(scopes);
			TaskQueryImpl byProcess = callersTasks(caller);
			byProcess.processInstanceIdIn(scopes);
			seen.addAll(byTask.executeList(context, null));
			seen.addAll(byProcess.executeList(context, null));
			for (Task task : seen) {
				ids.add(task.getId());
				ids.add(task.getExecutionId());
				ids.add(task.getProcessInstanceId());
			}
			ids.retainAll(Arrays.asList(scopes));
			return ids;
		});
		// No scope at all would mean every scope: an id no variable has keeps it empty.
		query.variableScopeIdIn(readable.isEmpty() ? new String[] { "-" } : readable.toArray(String[]::new));
		query.getAuthCheck().setAuthorizationCheckEnabled(false);
	}

	/** A person's query with authorizations checked, an administrator's not. */
	private boolean narrowed(boolean checked) {
		Authentication caller = getCurrentAuthentication();
		return checked && caller != null && caller.getUserId() != null && !isCamundaAdmin(caller);
	}

	private static TaskQueryImpl callersTasks(Authentication caller) {
		TaskQueryImpl query = new TaskQueryImpl();
		query.addOrQuery(new CallersTasks(caller));
		return query;
	}

	/**
	 * (candidate group is one of the caller's, assigned or not) or the caller is the
	 * task's assignee, owner or a candidate user: an or-block the engine ands with the
	 * rest of the query.
	 */
	static final class CallersTasks extends TaskQueryImpl {

		CallersTasks(Authentication caller) {
			setOrQueryActive();
			List<String> groups = (caller.getGroupIds() != null) ? caller.getGroupIds() : List.of();
			if (!groups.isEmpty()) {
				taskCandidateGroupIn(groups);
				includeAssignedTasks();
			}
			taskInvolvedUser(caller.getUserId());
		}

	}

	/** Opens this manager wherever the engine asks for its AuthorizationManager. */
	static final class Factory implements SessionFactory {

		@Override
		public Class<?> getSessionType() {
			return AuthorizationManager.class;
		}

		@Override
		public Session openSession() {
			return new StaffTaskScope();
		}

	}

}
