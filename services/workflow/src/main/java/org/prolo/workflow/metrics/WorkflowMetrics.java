package org.prolo.workflow.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.prolo.workflow.lifecycle.ReferralFact;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts and times what the engine did, once its transaction committed (a task completion
 * refused with a 400 rolls back and counts nothing). Plain @EventListeners: Spring
 * Modulith keeps outbox entries only for transactional listeners.
 */
@Component
public class WorkflowMetrics {

	public static final String CLOSED = "prolo.referrals.closed";

	public static final String STAGE_DURATION = "prolo.stage.duration";

	public static final String OPEN_TASKS = "prolo.tasks.open";

	/** The candidate groups of the lifecycle's tasks and of escalations. */
	static final List<String> GROUPS = List.of("intake-coordinators", "clinical-coordinators", "clinicians",
			"clinic-leads");

	private final MeterRegistry registry;

	private final TaskService tasks;

	private final Clock clock;

	private final Map<String, AtomicLong> openTasks = new ConcurrentHashMap<>();

	public WorkflowMetrics(MeterRegistry registry, TaskService tasks, Clock clock) {
		this.registry = registry;
		this.tasks = tasks;
		this.clock = clock;
		for (String group : GROUPS) {
			AtomicLong open = openTasks.computeIfAbsent(group, key -> new AtomicLong());
			Gauge.builder(OPEN_TASKS, open, AtomicLong::get)
				.description("Open user tasks a candidate group can work on, assigned or not")
				.tag("candidate_group", group)
				.register(registry);
		}
	}

	@EventListener
	public void on(ReferralFact.Closed closed) {
		afterCommit(() -> Counter.builder(CLOSED)
			.description("Referrals closed, by outcome")
			.tag("outcome", closed.outcome())
			.register(registry)
			.increment());
	}

	/** The time a human stage took: from the task's creation to its completion. */
	@EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
	public void on(DelegateTask task) {
		if (task.getCreateTime() == null) {
			return;
		}
		String stage = task.getTaskDefinitionKey();
		Duration took = Duration.between(task.getCreateTime().toInstant(), clock.instant());
		afterCommit(() -> Timer.builder(STAGE_DURATION)
			.description("Time from a stage's task being created to its completion")
			.tag("stage", stage)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMinutes(1))
			.maximumExpectedValue(Duration.ofDays(30))
			.register(registry)
			.record(took.isNegative() ? Duration.ZERO : took));
	}

	/**
	 * A count query per group, every 30 s by default, instead of one per scrape.
	 */
	@Scheduled(initialDelayString = "PT5S", fixedDelayString = "${prolo.metrics.open-tasks-refresh:PT30S}")
	public void countOpenTasks() {
		for (String group : GROUPS) {
			openTasks.get(group).set(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count());
		}
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
