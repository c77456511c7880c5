package org.prolo.workflow.guard;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.prolo.workflow.lifecycle.TaskCommandPolicy;
import org.prolo.workflow.process.TaskInputValidation.InvalidTaskInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inside every engine command (after the command context opens, so a refusal rolls
 * nothing back because nothing ran): hands the task and variable commands to
 * {@link TaskCommandPolicy} and refuses what it refuses. Completions are checked whoever
 * sends them (REST, Tasklist, Java API); the rules about variable changes, claims and
 * assignments apply to people, that is commands run with an authenticated user (the
 * engine's own work, timers and the service's listeners run without one). Commands keep
 * their arguments in protected fields with no getters, hence the reflection.
 */
public class EngineGuard extends CommandInterceptor {

	private static final Logger log = LoggerFactory.getLogger(EngineGuard.class);

	private final TaskCommandPolicy policy;

	public EngineGuard(TaskCommandPolicy policy) {
		this.policy = policy;
	}

	@Override
	public <T> T execute(Command<T> command) {
		check(command, Context.getCommandContext());
		return next.execute(command);
	}

	private void check(Command<?> command, CommandContext context) {
		Authentication caller = (context != null) ? context.getAuthentication() : null;
		boolean person = caller != null && caller.getUserId() != null;
		if (person) {
			taskAccess(command, context, caller);
		}
		if (command instanceof ResolveTaskCmd) {
			// Resolving hands a delegated task back to its owner: no complete listener
			// checks what it carries, so a person resolves only their own, and empty.
			if (person) {
				resolution(context, caller, field(command, "taskId"), field(command, "variables"));
			}
		}
		else if (command instanceof CompleteTaskCmd) {
			completion(context, person ? caller : null, field(command, "taskId"), field(command, "variables"));
		}
		else if (command instanceof SubmitTaskFormCmd) {
			completion(context, person ? caller : null, field(command, "taskId"), field(command, "properties"));
		}
		else if (!person) {
			return;
		}
		else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
			refuseInput(policy.thrownFromTaskRefusal());
		}
		else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
				|| command instanceof SetVariablesToProcessInstancesBatchCmd) {
			Map<String, ?> variables = field(command, "variables");
			Collection<String> deletions = (command instanceof AbstractPatchVariablesCmd) ? field(command, "deletions")
					: null;
			var names = new TreeSet<String>();
			if (variables != null) {
				names.addAll(variables.keySet());
			}
			if (deletions != null) {
				names.addAll(deletions);
			}
			refuseInput(policy.variableChangeRefusal(names));
		}
		else if (command instanceof AbstractCorrelateMessageCmd) {
			// A message or signal sent by a person carries no variables: the services'
			// events are the only senders of facts (they correlate without a person).
			MessageCorrelationBuilderImpl builder = field(command, "builder");
			refuseCarried(builder.getPayloadProcessInstanceVariables(),
					builder.getPayloadProcessInstanceVariablesLocal(),
					builder.getPayloadProcessInstanceVariablesToTriggeredScope());
		}
		else if (command instanceof SignalEventReceivedCmd) {
			SignalEventReceivedBuilderImpl builder = field(command, "builder");
			refuseCarried(builder.getVariables());
		}
		else if (command instanceof AbstractRemoveVariableCmd) {
			Collection<String> names = field(command, "variableNames");
			refuseInput(policy.variableChangeRefusal(names));
		}
		else if (command instanceof ClaimTaskCmd) {
			String taskId = field(command, "taskId");
			TaskEntity task = (taskId != null) ? context.getTaskManager().findTaskById(taskId) : null;
			refuseAccess(policy.claimRefusal(caller.getUserId(), groups(caller),
					(task != null) ? task.getAssignee() : null, field(command, "userId")));
		}
		else if (command instanceof DelegateTaskCmd) {
			assignment(context, caller, field(command, "taskId"), field(command, "userId"));
		}
		else if (command instanceof AddGroupIdentityLinkCmd || command instanceof DeleteGroupIdentityLinkCmd) {
			refuseAccess(policy.candidateGroupRefusal(field(command, "groupId")));
		}
		else if (command instanceof DeleteUserIdentityLinkCmd) {
			// Taking the assignee away is giving the task back; any other person link
			// (owner, candidate user) is a lead's to remove.
			String taskId = field(command, "taskId");
			TaskEntity task = (taskId != null) ? context.getTaskManager().findTaskById(taskId) : null;
			refuseAccess(policy.claimRefusal(caller.getUserId(), groups(caller),
					(task != null) ? task.getAssignee() : null, null));
			if (!IdentityLinkType.ASSIGNEE.equals(field(command, "type"))) {
				refuseAccess(policy.assignmentRefusal(groups(caller), null, List.of(), List.of()));
			}
		}
		else if (command instanceof AbstractAddIdentityLinkCmd) {
			// AssignTaskCmd, SetTaskOwnerCmd, AddUserIdentityLinkCmd: a person is
			// given the task, as its assignee, owner or a candidate.
			assignment(context, caller, field(command, "taskId"), field(command, "userId"));
		}
		else if (command instanceof SaveTaskCmd) {
			TaskEntity changed = field(command, "task");
			TaskEntity stored = (changed.getId() != null) ? context.getTaskManager().findTaskById(changed.getId())
					: null;
			String before = (stored != null) ? stored.getAssignee() : null;
			String ownerBefore = (stored != null) ? stored.getOwner() : null;
			if (!Objects.equals(before, changed.getAssignee())) {
				givingTask(context, caller, stored, changed.getAssignee());
			}
			if (!Objects.equals(ownerBefore, changed.getOwner())) {
				givingTask(context, caller, stored, changed.getOwner());
			}
		}
	}

	/**
	 * Any command about one task (read its variables or form, claim, complete, comment)
	 * reaches only a task of the caller's groups or one given to them: the engine's grant
	 * is on the whole process definition. A clinic lead's assignments have a rule of
	 * their own (any task, to a member of its groups). Administrators are not checked.
	 */
	private void taskAccess(Command<?> command, CommandContext context, Authentication caller) {
		String taskId = taskIdOf(command);
		if (taskId == null || context == null || context.getAuthorizationManager().isCamundaAdmin(caller)) {
			return;
		}
		boolean leadsAssignment = groups(caller).contains(TaskCommandPolicy.CLINIC_LEADS)
				&& (command instanceof AbstractAddIdentityLinkCmd || command instanceof DelegateTaskCmd
						|| command instanceof DeleteUserIdentityLinkCmd);
		if (leadsAssignment) {
			return;
		}
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null) {
			return; // the engine answers "no such task" itself
		}
		List<String> candidateGroups = new ArrayList<>();
		List<String> involved = new ArrayList<>();
		for (IdentityLink link : task.getIdentityLinks()) {
			if (link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType())) {
				candidateGroups.add(link.getGroupId());
			}
			else if (link.getUserId() != null) {
				involved.add(link.getUserId());
			}
		}
		if (task.getAssignee() != null) {
			involved.add(task.getAssignee());
		}
		if (task.getOwner() != null) {
			involved.add(task.getOwner());
		}
		refuseAccess(policy.taskAccessRefusal(caller.getUserId(), groups(caller), candidateGroups, involved));
	}

	/** The task a command is about, if it is about one. */
	private static String taskIdOf(Command<?> command) {
		if (command instanceof AbstractQuery<?, ?>) {
			// Queries are narrowed to the caller's tasks where they are built
			// (org.prolo.workflow.access), not refused.
			return null;
		}
		if (command instanceof GetTaskFormVariablesCmd) {
			return field(command, "resourceId");
		}
		for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField("taskId");
				if (field.getType() == String.class) {
					field.setAccessible(true);
					return (String) field.get(command);
				}
			}
			catch (NoSuchFieldException ex) {
				// declared higher up, or not about a task
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException("Cannot read taskId of " + command.getClass().getName(), ex);
			}
		}
		return null;
	}

	@SafeVarargs
	private void refuseCarried(Map<String, ?>... payloads) {
		var names = new TreeSet<String>();
		for (Map<String, ?> payload : payloads) {
			if (payload != null) {
				names.addAll(payload.keySet());
			}
		}
		if (!names.isEmpty()) {
			refuseInput(policy.variableChangeRefusal(names));
		}
	}

	private void resolution(CommandContext context, Authentication caller, String taskId, Map<String, ?> variables) {
		TaskEntity task = (taskId != null) ? context.getTaskManager().findTaskById(taskId) : null;
		if (task == null) {
			return; // the engine answers "no such task" itself
		}
		refuseAccess(policy.workRefusal(caller.getUserId(), task.getAssignee()));
		if (variables != null && !variables.isEmpty()) {
			refuseInput(policy.variableChangeRefusal(variables.keySet()));
		}
	}

	/**
	 * @param person the signed-in caller, null for the engine's and the service's own
	 * work
	 */
	private void completion(CommandContext context, Authentication person, String taskId, Map<String, ?> variables) {
		if (context == null || taskId == null) {
			return;
		}
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null) {
			return; // the engine answers "no such task" itself
		}
		if (person != null) {
			refuseAccess(policy.workRefusal(person.getUserId(), task.getAssignee()));
		}
		if (variables == null || variables.isEmpty()) {
			return;
		}
		Map<String, String> types = new LinkedHashMap<>();
		// A VariableMap hands out plain values, and a serialized object has none: ask it
		// for the typed value.
		for (String name : variables.keySet()) {
			types.put(name,
					typeOf((variables instanceof VariableMap typed) ? typed.getValueTyped(name) : variables.get(name)));
		}
		Optional<String> refusal = policy.completionRefusal(task.getTaskDefinitionKey(), types);
		if (refusal.isPresent()) {
			log.info("Refused to complete task {} ({}): {}", taskId, task.getTaskDefinitionKey(), refusal.get());
			throw new InvalidTaskInputException(
					"Invalid input for task " + task.getTaskDefinitionKey() + ": " + refusal.get());
		}
	}

	private void assignment(CommandContext context, Authentication caller, String taskId, String userId) {
		givingTask(context, caller, (taskId != null) ? context.getTaskManager().findTaskById(taskId) : null, userId);
	}

	private void givingTask(CommandContext context, Authentication caller, TaskEntity task, String userId) {
		List<String> candidateGroups = (task == null) ? List.of()
				: task.getIdentityLinks()
					.stream()
					.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
					.map(IdentityLink::getGroupId)
					.toList();
		List<String> memberOf = (userId == null) ? List.of()
				: context.runWithoutAuthorization(() -> context.getProcessEngineConfiguration()
					.getIdentityService()
					.createGroupQuery()
					.groupMember(userId)
					.list()
					.stream()
					.map(Group::getId)
					.toList());
		refuseAccess(policy.assignmentRefusal(groups(caller), userId, memberOf, candidateGroups));
	}

	private static List<String> groups(Authentication caller) {
		return (caller.getGroupIds() != null) ? caller.getGroupIds() : List.of();
	}

	/**
	 * The type a variable would be stored as: a typed value's own type, else the plain
	 * type of a Java value, else "object" (the engine would serialize it).
	 */
	static String typeOf(Object value) {
		if (value instanceof TypedValue typed) {
			return (typed.getType() != null) ? typed.getType().getName().toLowerCase(Locale.ROOT)
					: typeOf(typed.getValue());
		}
		if (value == null) {
			return "null";
		}
		if (value instanceof String) {
			return "string";
		}
		if (value instanceof Boolean) {
			return "boolean";
		}
		if (value instanceof Integer) {
			return "integer";
		}
		if (value instanceof Long) {
			return "long";
		}
		if (value instanceof Short) {
			return "short";
		}
		if (value instanceof Double) {
			return "double";
		}
		if (value instanceof Date) {
			return "date";
		}
		return "object";
	}

	private static void refuseInput(Optional<String> refusal) {
		refusal.ifPresent(reason -> {
			log.info("Refused: {}", reason);
			throw new InvalidTaskInputException("Refused: " + reason);
		});
	}

	private static void refuseAccess(Optional<String> refusal) {
		refusal.ifPresent(reason -> {
			log.info("Refused: {}", reason);
			throw new AuthorizationException(reason);
		});
	}

	@SuppressWarnings("unchecked")
	private static <V> V field(Object command, String name) {
		for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return (V) field.get(command);
			}
			catch (NoSuchFieldException ex) {
				// declared higher up
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), ex);
			}
		}
		throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
	}

}
