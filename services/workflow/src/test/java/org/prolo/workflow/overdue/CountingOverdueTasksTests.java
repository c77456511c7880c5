package org.prolo.workflow.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.prolo.platform.security.Roles;

/** The counts on a real in-memory engine, with tasks made to measure. */
class CountingOverdueTasksTests {

	@RegisterExtension
	static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("process-tests.camunda.cfg.xml")
		.build();

	static final Instant NOW = Instant.parse("2025-03-05T09:00:00Z");

	final CountingOverdueTasks counting = new CountingOverdueTasks(engine.getTaskService(),
			Clock.fixed(NOW, ZoneOffset.UTC));

	int created;

	@AfterEach
	void deleteTasks() {
		TaskService tasks = engine.getTaskService();
		tasks.createTaskQuery().list().forEach(task -> tasks.deleteTask(task.getId(), true));
	}

	@Test
	void countsEachGroupsTasksPastTheirDueDateAssignedOrNot() {
		task(Roles.INTAKE_COORDINATORS, NOW.minusSeconds(60), null);
		task(Roles.INTAKE_COORDINATORS, NOW.minusSeconds(3600), "ingrid");
		task(Roles.CLINICIANS, NOW.minusSeconds(86_400), null);

		OverdueTasks overdue = counting.count();

		assertThat(overdue.asOf()).isEqualTo(NOW);
		assertThat(overdue.byCandidateGroup()).containsExactly(entry(Roles.INTAKE_COORDINATORS, 2L),
				entry(Roles.CLINICAL_COORDINATORS, 0L), entry(Roles.CLINICIANS, 1L));
		assertThat(overdue.total()).isEqualTo(3);
	}

	@Test
	void aTaskDueLaterOrWithoutDueDateIsNotOverdue() {
		task(Roles.CLINICAL_COORDINATORS, NOW.plusSeconds(60), null);
		task(Roles.CLINICAL_COORDINATORS, null, null);

		OverdueTasks overdue = counting.count();

		assertThat(overdue.byCandidateGroup()).containsEntry(Roles.CLINICAL_COORDINATORS, 0L);
		assertThat(overdue.total()).isZero();
	}

	@Test
	void anEscalatedTaskCountsOnceForItsOwnGroupAndNotForTheLeads() {
		Task task = task(Roles.CLINICIANS, NOW.minusSeconds(60), null);
		engine.getTaskService().addCandidateGroup(task.getId(), Roles.CLINIC_LEADS);

		OverdueTasks overdue = counting.count();

		assertThat(overdue.byCandidateGroup()).containsEntry(Roles.CLINICIANS, 1L)
			.doesNotContainKey(Roles.CLINIC_LEADS);
		assertThat(overdue.total()).isOne();
	}

	private Task task(String group, Instant due, String assignee) {
		TaskService tasks = engine.getTaskService();
		Task task = tasks.newTask("overdue-test-" + (++created));
		task.setDueDate((due != null) ? Date.from(due) : null);
		task.setAssignee(assignee);
		tasks.saveTask(task);
		tasks.addCandidateGroup(task.getId(), group);
		return task;
	}

}
