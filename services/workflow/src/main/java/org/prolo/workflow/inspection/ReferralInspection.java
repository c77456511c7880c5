package org.prolo.workflow.inspection;

import java.time.Instant;
import java.util.List;

import org.prolo.platform.events.DeadLetters.DeadLetter;

/**
 * Everything that can hold one referral up, at one moment.
 *
 * @param findings one sentence per thing that needs a look (an incident, a dead letter,
 * an overdue task, events that could not be read), empty when nothing does
 * @param processInstances every instance with the referral id as business key, oldest
 * first
 */
public record ReferralInspection(String referralId, Status status, List<String> findings,
		List<ProcessInstanceView> processInstances, List<ActivityView> currentActivities, List<IncidentView> incidents,
		List<JobView> failedJobs, List<TaskView> openTasks, Events events, DeadLetterLookup deadLetters) {

	/**
	 * @param state ACTIVE, SUSPENDED, COMPLETED, TERMINATED or NOT_STARTED (no process
	 * instance yet)
	 * @param stage the lifecycle stage of the newest instance's current activities, or
	 * "Closed"
	 * @param outcome how a completed referral closed (COURSE_PLANNED, REJECTED,
	 * NOT_SUITABLE, WITHDRAWN, NO_RESPONSE), null while open
	 */
	public record Status(String state, String stage, String outcome) {
	}

	public record ProcessInstanceView(String id, String businessKey, String definitionKey, int definitionVersion,
			String state, Instant startedAt, Instant endedAt, String outcome) {
	}

	/**
	 * @param waitingForJob true when the execution stands before or after the activity
	 * and its asynchronous continuation (a job) has not run yet
	 * @param incidentIds the open incidents at this activity
	 */
	public record ActivityView(String processInstanceId, String activityId, String name, String type,
			boolean waitingForJob, List<String> incidentIds) {
	}

	/**
	 * @param jobId the failed job behind a {@code failedJob} incident, else null
	 */
	public record IncidentView(String id, String processInstanceId, String type, String message, String activityId,
			String activityName, String jobId, Instant createdAt) {
	}

	/**
	 * A job that failed: it waits for a retry when {@code retries} is 0, otherwise the
	 * job executor tries it again by itself.
	 */
	public record JobView(String id, String processInstanceId, String activityId, String activityName, int retries,
			String exceptionMessage, Instant createdAt, Instant dueAt) {
	}

	public record TaskView(String id, String processInstanceId, String taskKey, String name,
			List<String> candidateGroups, List<String> candidateUsers, String assignee, Instant createdAt,
			Instant dueAt, boolean overdue) {
	}

	/**
	 * The referral's events as the timeline service recorded them, in order.
	 *
	 * @param available false when the timeline service could not be asked; then
	 * {@code unavailableReason} says why and {@code entries} is empty
	 * @param status the status the timeline derives from the events (its own view), null
	 * when none
	 */
	public record Events(boolean available, String unavailableReason, String status, String fhirStatus,
			List<Event> entries) {

		static Events unavailable(String reason) {
			return new Events(false, reason, null, null, List.of());
		}

		static Events none() {
			return new Events(true, null, null, null, List.of());
		}

	}

	public record Event(Instant at, String type, String summary, String source) {
	}

	/**
	 * Records keyed by the referral id on every dead-letter topic, metadata and reason
	 * only: a record's value may carry clinical facts and is never shown.
	 *
	 * @param available false when the broker could not be read
	 */
	public record DeadLetterLookup(boolean available, String unavailableReason, List<DeadLetter> letters) {
	}

}
