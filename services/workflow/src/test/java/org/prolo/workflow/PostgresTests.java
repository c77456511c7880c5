package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.events.LocalPostgres;
import org.prolo.platform.testing.TestKafka;
import org.prolo.workflow.lifecycle.ReferralToAssess;
import org.prolo.workflow.starting.StartingAssessment;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Profile postgres on PostgreSQL ({@link LocalPostgres}: the local server, or one started
 * in-process): a fresh database, the engine's and the service's schema on it, one
 * referral started.
 */
class PostgresTests {

	@Test
	void startsAReferralOnPostgres() throws Exception {
		// Arguments, not default properties: application-postgres.yml must not win over
		// the fresh database's URL.
		try (LocalPostgres database = LocalPostgres.createDatabase("prolo_workflow_test");
				var app = new SpringApplicationBuilder(WorkflowApplication.class).profiles("postgres")
					.run("--spring.datasource.url=" + database.jdbcUrl(),
							"--spring.datasource.username=" + LocalPostgres.username(),
							"--spring.datasource.password=" + LocalPostgres.password(), "--server.port=0",
							"--spring.kafka.bootstrap-servers=" + SharedTestBroker.bootstrapServers(),
							"--prolo.kafka.username=workflow",
							"--prolo.kafka.password=" + TestKafka.password("workflow"),
							// Another context may hold the "default" engine of Camunda's
							// static registry.
							"--camunda.bpm.generate-unique-process-engine-name=true",
							// Only the database is under test here; the group "workflow"
							// stays with the other contexts.
							"--spring.kafka.listener.auto-startup=false")) {
			String referralId = "ref-" + UUID.randomUUID();

			boolean started = app.getBean(StartingAssessment.class)
				.start(UUID.randomUUID().toString(),
						new ReferralToAssess(referralId, "pat-pg", "dr-ada", "KNEE_OSTEOARTHRITIS", "left knee", 9,
								true, false, false, false, false, false, false, "ROUTINE"));

			assertThat(started).isTrue();
			assertThat(app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(referralId).list())
				.singleElement()
				.satisfies(task -> assertThat(task.getTaskDefinitionKey()).isEqualTo("triage"));
		}
	}

}
