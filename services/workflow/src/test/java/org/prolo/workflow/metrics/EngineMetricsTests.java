package org.prolo.workflow.metrics;

import java.time.Clock;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The gauges count what a real engine holds: a task past its due date and one not yet
 * due, a job waiting for the executor, a job that failed with no retries left (and so an
 * incident).
 */
class EngineMetricsTests {

	final ProcessEngine engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
		.setJdbcUrl("jdbc:h2:mem:engine-metrics-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
		.setJobExecutorActivate(false)
		.setProcessEngineName("engine-metrics-" + UUID.randomUUID())
		.buildProcessEngine();

	final MeterRegistry registry = new SimpleMeterRegistry();

	final EngineMetrics metrics = new EngineMetrics(registry, engine.getTaskService(), engine.getRuntimeService(),
			engine.getManagementService(), Clock.systemUTC());

	@AfterEach
	void closeEngine() {
		engine.close();
	}

	@Test
	void countsOverdueTasksPerGroupIncidentsAndTheJobQueue() {
		engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("tasks.bpmn",
					Bpmn.createExecutableProcess("tasks")
						.startEvent()
						.parallelGateway("split")
						.userTask("late")
						.camundaCandidateGroups("clinicians")
						.camundaDueDate("2020-01-01T00:00:00")
						.endEvent()
						.moveToNode("split")
						.userTask("timely")
						.camundaCandidateGroups("intake-coordinators")
						.camundaDueDate("2999-01-01T00:00:00")
						.endEvent()
						.done())
			.addModelInstance("jobs.bpmn",
					Bpmn.createExecutableProcess("jobs")
						.startEvent()
						.serviceTask("work")
						.camundaAsyncBefore()
						.camundaClass("org.prolo.workflow.metrics.NoSuchDelegate")
						.endEvent()
						.done())
			.deploy();
		engine.getRuntimeService().startProcessInstanceByKey("tasks");
		engine.getRuntimeService().startProcessInstanceByKey("jobs");
		engine.getRuntimeService().startProcessInstanceByKey("jobs");
		Job failing = engine.getManagementService().createJobQuery().list().get(0);
		assertThat(catchThrowable(() -> engine.getManagementService().executeJob(failing.getId()))).isNotNull();
		engine.getManagementService().setJobRetries(failing.getId(), 0);

		metrics.count();

		assertThat(gauge(EngineMetrics.OVERDUE_TASKS, "clinicians")).isEqualTo(1);
		assertThat(gauge(EngineMetrics.OVERDUE_TASKS, "intake-coordinators")).isZero();
		assertThat(registry.get(EngineMetrics.OPEN_INCIDENTS).gauge().value()).isEqualTo(1);
		assertThat(registry.get(EngineMetrics.DUE_JOBS).gauge().value()).isEqualTo(1);
		assertThat(registry.get(EngineMetrics.FAILED_JOBS).gauge().value()).isEqualTo(1);
	}

	private double gauge(String name, String group) {
		return registry.get(name).tag("candidate_group", group).gauge().value();
	}

}
