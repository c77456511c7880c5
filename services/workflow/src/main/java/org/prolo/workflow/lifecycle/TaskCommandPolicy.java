package org.prolo.workflow.lifecycle;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a person may do to a task and to the facts of a referral. A completion carries
 * exactly the task's own outputs (the fields of its form a user fills in), as plain
 * values; every other fact (the referral's facts from the start, the decision tables'
 * results and versions, what the engine computed) changes only through the process. A
 * person claims a task only for themselves; only a clinic lead assigns or delegates, and
 * only to a member of one of the task's candidate groups.
 */
public final class TaskCommandPolicy {

	public static final String CLINIC_LEADS = "clinic-leads";

	/**
	 * Variable types a completion may carry: plain values only. Object, JSON, XML, bytes
	 * and files would make the engine build or store whatever the caller chose.
	 */
	public static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
			"date", "null");

	/** The groups whose members work tasks; nobody else is ever given one. */
	private final Set<String> staffGroups;

	private final Map<String, Set<String>> outputsByTask;

	/**
	 * @param outputsByTask task key → the variables its form lets a user fill in
	 * @param staffGroups the groups whose members may be given tasks
	 */
	public TaskCommandPolicy(Map<String, Set<String>> outputsByTask, Collection<String> staffGroups) {
		this.outputsByTask = Map.copyOf(outputsByTask);
		this.staffGroups = Set.copyOf(staffGroups);
	}

	public Set<String> outputsOf(String taskKey) {
		return (taskKey != null) ? outputsByTask.getOrDefault(taskKey, Set.of()) : Set.of();
	}

	/**
	 * Refuses a completion of {@code taskKey} carrying variables that are not the task's
	 * outputs, or not plain values.
	 * @param typeByVariable each submitted variable's type name, lower case ("string",
	 * "object", "json" ...)
	 */
	public Optional<String> completionRefusal(String taskKey, Map<String, String> typeByVariable) {
		Set<String> outputs = outputsOf(taskKey);
		Set<String> foreign = new TreeSet<>(typeByVariable.keySet());
		foreign.removeAll(outputs);
		if (!foreign.isEmpty()) {
			return Optional.of("task " + taskKey + " may not set " + String.join(", ", foreign) + " (its outputs: "
					+ String.join(", ", new TreeSet<>(outputs)) + ")");
		}
		return serializedRefusal(typeByVariable);
	}

	/**
	 * Refuses any change of variables outside a completion by a person: every fact is
	 * either a task's output, given with its completion, or the process's own.
	 */
	public Optional<String> variableChangeRefusal(Collection<String> variables) {
		return Optional.of("variables " + String.join(", ", new TreeSet<>(variables))
				+ " may not be changed outside a task's completion; a task's completion sets its own outputs only");
	}

	/**
	 * A task ends only by its completion: the process catches no error or escalation from
	 * a user task, and one thrown there (with whatever variables) would end or divert the
	 * referral with none of its outputs.
	 */
	public Optional<String> thrownFromTaskRefusal() {
		return Optional.of("a task ends only by its completion; it throws no BPMN error or escalation");
	}

	/** Refuses variable values that are not plain values. */
	public Optional<String> serializedRefusal(Map<String, String> typeByVariable) {
		Set<String> serialized = new TreeSet<>();
		typeByVariable.forEach((name, type) -> {
			if (!PLAIN_TYPES.contains(type)) {
				serialized.add(name + " (" + type + ")");
			}
		});
		return serialized.isEmpty() ? Optional.empty()
				: Optional.of("only plain values are accepted, not " + String.join(", ", serialized));
	}

	/**
	 * A person opens, reads and works only the tasks of their groups (a task's candidate
	 * groups; clinic leads are one once the task is overdue) and the tasks given to them
	 * (assignee, owner of a delegated task, candidate user). The engine's grant on the
	 * process definition lets every staff group reach every task of the referral; this
	 * rule narrows it back to each task's own people.
	 * @param involved the task's assignee, owner and candidate users
	 */
	public Optional<String> taskAccessRefusal(String caller, Collection<String> callerGroups,
			Collection<String> candidateGroups, Collection<String> involved) {
		if (involved.contains(caller) || candidateGroups.stream().anyMatch(callerGroups::contains)) {
			return Optional.empty();
		}
		return Optional.of("the task belongs to " + new TreeSet<>(candidateGroups) + "; " + caller
				+ " is in none of them and was not given it");
	}

	/**
	 * A person claims only for themselves, and gives back only a task of their own:
	 * taking a task from its assignee is a lead's decision.
	 * @param assignee who has the task now, if anybody
	 * @param claimant who would have it after the claim; null gives it back
	 */
	public Optional<String> claimRefusal(String caller, Collection<String> callerGroups, String assignee,
			String claimant) {
		if (claimant != null) {
			return claimant.equals(caller) ? Optional.empty()
					: Optional.of(caller + " may claim a task only for themselves, not for " + claimant);
		}
		if (assignee == null || assignee.equals(caller) || callerGroups.contains(CLINIC_LEADS)) {
			return Optional.empty();
		}
		return Optional.of(caller + " may give back only a task of their own; taking it from " + assignee
				+ " is a lead's decision");
	}

	/**
	 * A task someone has is theirs to complete (or, delegated, to resolve); anybody else
	 * of its groups first asks a lead to give it to them.
	 */
	public Optional<String> workRefusal(String caller, String assignee) {
		if (assignee == null || assignee.equals(caller)) {
			return Optional.empty();
		}
		return Optional
			.of("the task is " + assignee + "'s; only they complete it, unless a lead gives it to " + caller);
	}

	/**
	 * Only a clinic lead assigns (or delegates, or adds a candidate user), and only to a
	 * known member of one of the task's candidate groups; taking an assignee away is a
	 * lead's decision too.
	 * @param assigneeGroups the groups the assignee is known to be in
	 */
	public Optional<String> assignmentRefusal(Collection<String> callerGroups, String assignee,
			Collection<String> assigneeGroups, Collection<String> candidateGroups) {
		if (!callerGroups.contains(CLINIC_LEADS)) {
			return Optional.of("only clinic leads assign or delegate tasks");
		}
		if (assignee == null) {
			return Optional.empty();
		}
		List<String> eligible = candidateGroups.stream()
			.filter(staffGroups::contains)
			.filter(assigneeGroups::contains)
			.toList();
		if (eligible.isEmpty()) {
			return Optional.of(assignee + " is not a known member of the task's groups "
					+ new TreeSet<>(candidateGroups) + " and cannot be given it");
		}
		return Optional.empty();
	}

	/**
	 * A task's candidate groups come from the process model and its overdue escalation;
	 * nobody changes them by hand, since a group added is a group given the task.
	 */
	public Optional<String> candidateGroupRefusal(String group) {
		return Optional.of("a task's candidate groups come from the process model; " + group
				+ " cannot be added or removed by hand");
	}

}
