package org.prolo.scheduling;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.prolo.platform.events.LocalPostgres;
import org.prolo.platform.testing.TestKafka;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The waiting-list scenario with profile {@code postgres} on the local PostgreSQL server
 * (the production database), in a fresh database that Flyway migrates from empty and that
 * is dropped afterwards. Fails, rather than skips, when no server answers: this is the
 * only proof the migrations and SQL run on PostgreSQL.
 */
@ActiveProfiles("postgres")
class WaitingListOnPostgresTests extends WaitingListScenario {

	private static LocalPostgres database;

	@BeforeAll
	static void createDatabase() {
		database = LocalPostgres.createDatabase("scheduling_waiting_test");
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "scheduling");
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", LocalPostgres::username);
		registry.add("spring.datasource.password", LocalPostgres::password);
	}

	@AfterAll
	static void dropDatabase(@Autowired DataSource dataSource) throws Exception {
		if (database == null) {
			return;
		}
		try {
			// Spring closes the context (DirtiesContext) only after this: its pool must
			// let go of the database first, or the drop kills live connections under it.
			// (Modulith's shutdown list of unfinished publications then finds no
			// connection and logs a warning; nothing else needs one.)
			dataSource.unwrap(HikariDataSource.class).close();
		}
		finally {
			database.close();
		}
	}

}
