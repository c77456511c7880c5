package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.testing.TestKafka;
import org.prolo.workflow.lifecycle.ReferralToAssess;
import org.prolo.workflow.starting.StartingAssessment;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Profile postgres against the local PostgreSQL server (127.0.0.1:5432, user postgres): a
 * fresh database, the engine's and the service's schema on it, one referral started.
 * Skipped when no server listens there.
 */
class PostgresTests {

	static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	@Test
	void startsAReferralOnPostgres() throws Exception {
		assumeTrue(listening(), "no PostgreSQL server on 127.0.0.1:5432");
		String database = "prolo_workflow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("create database " + database);
		// Arguments, not default properties: application-postgres.yml must not win over
		// the fresh database's URL.
		try (var app = new SpringApplicationBuilder(WorkflowApplication.class).profiles("postgres")
			.run("--spring.datasource.url=" + SERVER + database, "--server.port=0",
					"--spring.kafka.bootstrap-servers=" + SharedTestBroker.bootstrapServers(),
					"--prolo.kafka.username=workflow", "--prolo.kafka.password=" + TestKafka.password("workflow"),
					// Another context may hold the "default" engine of Camunda's static
					// registry.
					"--camunda.bpm.generate-unique-process-engine-name=true",
					// Only the database is under test here; the group "workflow" stays
					// with the other contexts.
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
		finally {
			execute("drop database if exists " + database + " with (force)");
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
			connection.createStatement().execute(sql);
		}
	}

	private static boolean listening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
