package org.prolo.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ops/postgres/service-users.sh, which docker-compose runs as the postgres image's init
 * script, on a real PostgreSQL server: each service's user owns its database and cannot
 * open another's, and running the script again changes nothing. Runs where psql and a
 * server are at hand (POSTGRES_HOST/PORT/USER, default 127.0.0.1:5432 as postgres; CI has
 * both), under role and database names of its own, dropped afterwards.
 */
class ServiceUsersScriptTests {

	final String prefix = "prolo_t" + UUID.randomUUID().toString().substring(0, 6) + "_";

	@BeforeEach
	void needsPsqlAndAServer() throws Exception {
		assumeTrue(run(admin(), "psql", "-tAc", "select 1", "-d", "postgres").exitCode() == 0,
				"psql and a PostgreSQL server at " + env("POSTGRES_HOST", "127.0.0.1") + ":"
						+ env("POSTGRES_PORT", "5432"));
	}

	@AfterEach
	void dropWhatTheScriptMade() throws Exception {
		for (String service : List.of("intake", "workflow")) {
			run(admin(), "psql", "-q", "-d", "postgres", "-c",
					"drop database if exists " + this.prefix + service + " with (force)", "-c",
					"drop role if exists " + this.prefix + service);
		}
	}

	@Test
	void givesEachServiceAUserThatOwnsItsDatabaseAndCannotOpenAnothers() throws Exception {
		Map<String, String> env = new java.util.HashMap<>(admin());
		env.put("PROLO_DB_PREFIX", this.prefix);
		env.put("INTAKE_DB_PASSWORD", "intake-pw");
		env.put("WORKFLOW_DB_PASSWORD", "workflow-pw");
		String script = ComposeFileTests.ROOT.resolve("ops/postgres/service-users.sh").toString();

		Result first = run(env, "sh", script);
		Result again = run(env, "sh", script);

		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(first.output()).contains(this.prefix + "intake: role and database ready")
			.contains("skipping imaging: no IMAGING_DB_PASSWORD");
		assertThat(again.exitCode()).as(again.output()).isZero();
		Result own = run(as("intake", "intake-pw"), "psql", "-d", this.prefix + "intake", "-tAc",
				"create table referral (id text primary key); select current_user");
		assertThat(own.exitCode()).as(own.output()).isZero();
		assertThat(own.output()).contains(this.prefix + "intake");
		Result other = run(as("intake", "intake-pw"), "psql", "-d", this.prefix + "workflow", "-tAc", "select 1");
		assertThat(other.exitCode()).isNotZero();
		assertThat(other.output()).contains("permission denied for database");
		Result rights = run(admin(), "psql", "-d", "postgres", "-tAc",
				"select rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = '" + this.prefix
						+ "intake'");
		assertThat(rights.output().strip()).isEqualTo("f|f|f");
	}

	private Map<String, String> as(String service, String password) {
		Map<String, String> env = new java.util.HashMap<>(admin());
		env.put("PGUSER", this.prefix + service);
		env.put("PGPASSWORD", password);
		return env;
	}

	private static Map<String, String> admin() {
		Map<String, String> env = new java.util.HashMap<>();
		env.put("PGHOST", env("POSTGRES_HOST", "127.0.0.1"));
		env.put("PGPORT", env("POSTGRES_PORT", "5432"));
		env.put("PGUSER", env("POSTGRES_USER", "postgres"));
		env.put("PGPASSWORD", env("POSTGRES_PASSWORD", ""));
		return env;
	}

	private static Result run(Map<String, String> env, String... command) throws InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
		builder.environment().putAll(env);
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return new Result(process.waitFor(), output);
		}
		catch (IOException ex) {
			// No psql on this machine.
			return new Result(-1, ex.getMessage());
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	record Result(int exitCode, String output) {
	}

}
