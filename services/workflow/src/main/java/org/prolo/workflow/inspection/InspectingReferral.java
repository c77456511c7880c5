package org.prolo.workflow.inspection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.prolo.platform.events.DeadLetters;
import org.prolo.platform.events.DeadLetters.DeadLetter;
import org.prolo.platform.events.EventTopics;
import org.prolo.workflow.inspection.ReferralInspection.ActivityView;
import org.prolo.workflow.inspection.ReferralInspection.DeadLetterLookup;
import org.prolo.workflow.inspection.ReferralInspection.Events;
import org.prolo.workflow.inspection.ReferralInspection.IncidentView;
import org.prolo.workflow.inspection.ReferralInspection.JobView;
import org.prolo.workflow.inspection.ReferralInspection.ProcessInstanceView;
import org.prolo.workflow.inspection.ReferralInspection.Status;
import org.prolo.workflow.inspection.ReferralInspection.TaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Gathers why a referral (business key = referral id) does not move on, and applies the
 * two fixes a lead may apply: retry a failed job, replay a dead letter. Each fix is
 * allowed only for a job or dead letter of this referral.
 */
@Service
public class InspectingReferral {

	static final String CLOSING_OUTCOME = "closingOutcome";

	private static final Logger log = LoggerFactory.getLogger(InspectingReferral.class);

	private final RuntimeService runtime;

	private final HistoryService history;

	private final ManagementService management;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final TimelineClient timeline;

	private final DeadLetters deadLetters;

	private final Clock clock;

	InspectingReferral(RuntimeService runtime, HistoryService history, ManagementService management, TaskService tasks,
			RepositoryService repository, TimelineClient timeline, DeadLetters deadLetters, Clock clock) {
		this.runtime = runtime;
		this.history = history;
		this.management = management;
		this.tasks = tasks;
		this.repository = repository;
		this.timeline = timeline;
		this.deadLetters = deadLetters;
		this.clock = clock;
	}

	/**
	 * @throws NotFoundException when neither the engine, the timeline nor a dead-letter
	 * topic knows the referral
	 */
	public ReferralInspection inspect(String referralId) {
		List<HistoricProcessInstance> instances = instancesOf(referralId);
		Events events = timeline.eventsOf(referralId);
		DeadLetterLookup letters = deadLettersOf(referralId);
		if (instances.isEmpty() && events.entries().isEmpty() && letters.letters().isEmpty()) {
			throw new NotFoundException("Referral not found",
					"No process instance, event or dead letter of referral " + referralId + " is known"
							+ (events.available() ? "" : " (events unavailable: " + events.unavailableReason() + ")"));
		}
		Names names = new Names();
		List<ProcessInstanceView> processes = new ArrayList<>();
		List<ActivityView> activities = new ArrayList<>();
		List<IncidentView> incidents = new ArrayList<>();
		List<JobView> failedJobs = new ArrayList<>();
		List<TaskView> openTasks = new ArrayList<>();
		for (HistoricProcessInstance instance : instances) {
			processes.add(new ProcessInstanceView(instance.getId(), instance.getBusinessKey(),
					instance.getProcessDefinitionKey(), instance.getProcessDefinitionVersion(),
					state(instance.getState()), instant(instance.getStartTime()), instant(instance.getEndTime()),
					outcomeOf(instance.getId())));
			if (instance.getEndTime() == null) {
				activities.addAll(currentActivities(instance.getId()));
				incidents.addAll(incidents(instance, names));
				failedJobs.addAll(failedJobs(instance, names));
				openTasks.addAll(openTasks(instance.getId()));
			}
		}
		Status status = status(processes, activities);
		return new ReferralInspection(referralId, status,
				findings(status, activities, incidents, failedJobs, openTasks, events, letters), processes, activities,
				incidents, failedJobs, openTasks, events, letters);
	}

	/** The stack trace of a failed job of this referral. */
	public String stackTrace(String referralId, String jobId) {
		Job job = jobOf(referralId, jobId);
		String trace = management.getJobExceptionStacktrace(job.getId());
		if (trace == null) {
			throw new NotFoundException("No stack trace", "Job " + jobId + " has not failed");
		}
		return trace;
	}

	/**
	 * Gives a failed job (no retries left) one retry, which resolves its incident; the
	 * job executor then runs it. If it fails again, it has no retries left and a new
	 * incident.
	 */
	public JobView retryJob(String referralId, String jobId) {
		Job job = jobOf(referralId, jobId);
		if (job.getRetries() > 0) {
			throw new JobNotFailedException(jobId, job.getRetries());
		}
		management.setJobRetries(job.getId(), 1);
		log.info("Retrying job {} of referral {} at {}", jobId, referralId, job.getFailedActivityId());
		// The executor may have run it already: then it is gone and shown as it was, with
		// its one retry.
		Job retried = management.createJobQuery().jobId(jobId).singleResult();
		Job shown = (retried != null) ? retried : job;
		return jobView(shown, (retried != null) ? retried.getRetries() : 1, new Names());
	}

	/**
	 * Puts a dead letter of this referral back on its original topic, unchanged.
	 * @param deadLetterTopic the topic the letter is parked in, {@code <topic>.DLT}
	 */
	public DeadLetter replayDeadLetter(String referralId, String deadLetterTopic, int partition, long offset) {
		DeadLetter letter = deadLetters.withKey(referralId)
			.stream()
			.filter(candidate -> candidate.deadLetterTopic().equals(deadLetterTopic)
					&& candidate.partition() == partition && candidate.offset() == offset)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Dead letter not found", "Referral " + referralId
					+ " has no dead letter at " + deadLetterTopic + "-" + partition + "@" + offset));
		String topic = deadLetterTopic.substring(0, deadLetterTopic.length() - EventTopics.DLT_SUFFIX.length());
		deadLetters.replay(topic, partition, offset);
		log.info("Replayed dead letter {}-{}@{} of referral {}", deadLetterTopic, partition, offset, referralId);
		return letter;
	}

	private List<HistoricProcessInstance> instancesOf(String referralId) {
		return history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(referralId)
			.orderByProcessInstanceStartTime()
			.asc()
			.list();
	}

	private Job jobOf(String referralId, String jobId) {
		Job job = management.createJobQuery().jobId(jobId).singleResult();
		if (job == null || instancesOf(referralId).stream()
			.noneMatch(instance -> instance.getId().equals(job.getProcessInstanceId()))) {
			throw new NotFoundException("Job not found", "Referral " + referralId + " has no job " + jobId);
		}
		return job;
	}

	private String outcomeOf(String processInstanceId) {
		HistoricVariableInstance outcome = history.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.variableName(CLOSING_OUTCOME)
			.singleResult();
		return (outcome != null && outcome.getValue() != null) ? outcome.getValue().toString() : null;
	}

	private List<ActivityView> currentActivities(String processInstanceId) {
		ActivityInstance root = runtime.getActivityInstance(processInstanceId);
		List<ActivityView> leaves = new ArrayList<>();
		if (root != null) {
			collectLeaves(processInstanceId, root, leaves);
		}
		return leaves;
	}

	private static void collectLeaves(String processInstanceId, ActivityInstance scope, List<ActivityView> leaves) {
		for (ActivityInstance child : scope.getChildActivityInstances()) {
			if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
				leaves.add(new ActivityView(processInstanceId, child.getActivityId(), child.getActivityName(),
						child.getActivityType(), false, List.of(child.getIncidentIds())));
			}
			else {
				collectLeaves(processInstanceId, child, leaves);
			}
		}
		for (TransitionInstance transition : scope.getChildTransitionInstances()) {
			leaves.add(new ActivityView(processInstanceId, transition.getActivityId(), transition.getActivityName(),
					transition.getActivityType(), true, List.of(transition.getIncidentIds())));
		}
	}

	private List<IncidentView> incidents(HistoricProcessInstance instance, Names names) {
		return runtime.createIncidentQuery()
			.processInstanceId(instance.getId())
			.orderByIncidentTimestamp()
			.asc()
			.list()
			.stream()
			.map((Incident incident) -> new IncidentView(incident.getId(), incident.getProcessInstanceId(),
					incident.getIncidentType(), incident.getIncidentMessage(), incident.getActivityId(),
					names.of(instance.getProcessDefinitionId(), incident.getActivityId()),
					Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()) ? incident.getConfiguration()
							: null,
					instant(incident.getIncidentTimestamp())))
			.toList();
	}

	private List<JobView> failedJobs(HistoricProcessInstance instance, Names names) {
		Map<String, Job> failed = new LinkedHashMap<>();
		management.createJobQuery()
			.processInstanceId(instance.getId())
			.withException()
			.list()
			.forEach(job -> failed.put(job.getId(), job));
		management.createJobQuery()
			.processInstanceId(instance.getId())
			.noRetriesLeft()
			.list()
			.forEach(job -> failed.putIfAbsent(job.getId(), job));
		return failed.values().stream().map(job -> jobView(job, job.getRetries(), names)).toList();
	}

	private JobView jobView(Job job, int retries, Names names) {
		String activityId = (job.getFailedActivityId() != null) ? job.getFailedActivityId()
				: activityOfDefinition(job.getJobDefinitionId());
		return new JobView(job.getId(), job.getProcessInstanceId(), activityId,
				names.of(job.getProcessDefinitionId(), activityId), retries, job.getExceptionMessage(),
				instant(job.getCreateTime()), instant(job.getDuedate()));
	}

	private String activityOfDefinition(String jobDefinitionId) {
		if (jobDefinitionId == null) {
			return null;
		}
		JobDefinition definition = management.createJobDefinitionQuery()
			.jobDefinitionId(jobDefinitionId)
			.singleResult();
		return (definition != null) ? definition.getActivityId() : null;
	}

	private List<TaskView> openTasks(String processInstanceId) {
		Instant now = clock.instant();
		return tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.map((Task task) -> {
				List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
				return new TaskView(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(),
						task.getName(), candidates(links, true), candidates(links, false), task.getAssignee(),
						instant(task.getCreateTime()), instant(task.getDueDate()),
						task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now));
			})
			.toList();
	}

	private static List<String> candidates(List<IdentityLink> links, boolean groups) {
		return links.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(link -> groups ? link.getGroupId() : link.getUserId())
			.filter(Objects::nonNull)
			.sorted()
			.toList();
	}

	private DeadLetterLookup deadLettersOf(String referralId) {
		try {
			return new DeadLetterLookup(true, null, deadLetters.withKey(referralId));
		}
		catch (RuntimeException ex) {
			// The broker is down or slow: the engine's side of the view still helps.
			log.warn("Dead letters of referral {} unavailable: {}", referralId, ex.toString());
			return new DeadLetterLookup(false, "the broker could not be read (" + ex.getClass().getSimpleName() + ")",
					List.of());
		}
	}

	private static Status status(List<ProcessInstanceView> processes, List<ActivityView> activities) {
		if (processes.isEmpty()) {
			return new Status("NOT_STARTED", null, null);
		}
		ProcessInstanceView newest = processes.get(processes.size() - 1);
		if (newest.endedAt() != null) {
			return new Status(newest.state(), Stages.CLOSED, newest.outcome());
		}
		return new Status(newest.state(),
				Stages.of(activities.stream()
					.filter(activity -> activity.processInstanceId().equals(newest.id()))
					.map(ActivityView::activityId)
					.toList()),
				null);
	}

	private static List<String> findings(Status status, List<ActivityView> activities, List<IncidentView> incidents,
			List<JobView> failedJobs, List<TaskView> openTasks, Events events, DeadLetterLookup letters) {
		List<String> findings = new ArrayList<>();
		if ("NOT_STARTED".equals(status.state())) {
			findings.add("No process instance: the workflow service has not started this referral");
		}
		if ("SUSPENDED".equals(status.state())) {
			findings.add("The process instance is suspended");
		}
		for (IncidentView incident : incidents) {
			findings.add(
					"Incident at " + label(incident.activityName(), incident.activityId()) + ": " + incident.message());
		}
		for (JobView job : failedJobs) {
			if (job.retries() > 0) {
				findings
					.add("Job at " + label(job.activityName(), job.activityId()) + " failed (" + job.exceptionMessage()
							+ "); the job executor tries it again, " + job.retries() + " retries left");
			}
		}
		for (TaskView task : openTasks) {
			if (task.overdue()) {
				findings.add("Task " + label(task.name(), task.taskKey()) + " is overdue since " + task.dueAt());
			}
		}
		long waiting = activities.stream().filter(ActivityView::waitingForJob).count();
		if (waiting > 0 && incidents.isEmpty()) {
			findings.add(waiting + " activity waiting for the job executor");
		}
		for (DeadLetter letter : letters.letters()) {
			findings.add(
					"Dead letter on " + letter.deadLetterTopic() + " (" + letter.eventType() + "): " + letter.reason());
		}
		if (!letters.available()) {
			findings.add("Dead letters unavailable: " + letters.unavailableReason());
		}
		if (!events.available()) {
			findings.add("Events unavailable: " + events.unavailableReason());
		}
		return findings;
	}

	private static String label(String name, String id) {
		return (name != null) ? name + " (" + id + ")" : id;
	}

	private static String state(String historicState) {
		if (historicState == null) {
			return "UNKNOWN";
		}
		return switch (historicState) {
			case HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED,
					HistoricProcessInstance.STATE_INTERNALLY_TERMINATED ->
				"TERMINATED";
			default -> historicState;
		};
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	/** Names of flow elements from the deployed models, each model read once per view. */
	private final class Names {

		private final Map<String, Map<String, String>> byDefinition = new HashMap<>();

		String of(String processDefinitionId, String activityId) {
			if (activityId == null) {
				return null;
			}
			return byDefinition.computeIfAbsent(processDefinitionId, id -> {
				Map<String, String> names = new HashMap<>();
				repository.getBpmnModelInstance(id).getModelElementsByType(FlowElement.class).forEach(element -> {
					if (element.getName() != null) {
						names.put(element.getId(), element.getName());
					}
				});
				return names;
			}).get(activityId);
		}

	}

}
