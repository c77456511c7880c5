package org.prolo.workflow.metrics;

import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What an operator is alerted on and sees on the platform dashboard: tasks past their due
 * date, open incidents, and the job executor's queue (jobs due now, jobs that failed
 * every retry). The engine keeps these in its database, not in Micrometer, so they are
 * counted on a schedule like the open tasks, never per scrape.
 */
@Component
public class EngineMetrics {

	public static final String OVERDUE_TASKS = "prolo.tasks.overdue";

	public static final String OPEN_INCIDENTS = "prolo.incidents.open";

	public static final String DUE_JOBS = "prolo.jobs.due";

	public static final String FAILED_JOBS = "prolo.jobs.failed";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final Clock clock;

	private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();

	private final AtomicLong incidents = new AtomicLong();

	private final AtomicLong dueJobs = new AtomicLong();

	private final AtomicLong failedJobs = new AtomicLong();

	public EngineMetrics(MeterRegistry registry, TaskService tasks, RuntimeService runtime,
			ManagementService management, Clock clock) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.management = management;
		this.clock = clock;
		for (String group : WorkflowMetrics.GROUPS) {
			AtomicLong count = overdue.computeIfAbsent(group, key -> new AtomicLong());
			Gauge.builder(OVERDUE_TASKS, count, AtomicLong::get)
				.description("Open user tasks of a candidate group whose due date has passed")
				.tag("candidate_group", group)
				.register(registry);
		}
		Gauge.builder(OPEN_INCIDENTS, incidents, AtomicLong::get)
			.description("Open incidents: jobs or external tasks that failed every retry and wait for a person")
			.register(registry);
		Gauge.builder(DUE_JOBS, dueJobs, AtomicLong::get)
			.description("Jobs due now that the job executor has not run yet")
			.register(registry);
		Gauge.builder(FAILED_JOBS, failedJobs, AtomicLong::get)
			.description("Jobs with no retries left")
			.register(registry);
	}

	@Scheduled(initialDelayString = "PT5S", fixedDelayString = "${prolo.metrics.open-tasks-refresh:PT30S}")
	public void count() {
		Date now = Date.from(clock.instant());
		for (String group : WorkflowMetrics.GROUPS) {
			overdue.get(group)
				.set(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().dueBefore(now).count());
		}
		incidents.set(runtime.createIncidentQuery().count());
		dueJobs.set(management.createJobQuery().executable().count());
		failedJobs.set(management.createJobQuery().noRetriesLeft().count());
	}

}
