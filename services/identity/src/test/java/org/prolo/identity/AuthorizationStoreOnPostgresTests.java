package org.prolo.identity;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.prolo.platform.events.LocalPostgres;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The authorization store with profile postgres on PostgreSQL (the production database):
 * the local server, or one started in-process where none answers ({@link LocalPostgres}),
 * in a fresh database that Flyway migrates from empty and that is dropped afterwards.
 * Never skips: this is the only proof the migration and Spring Authorization Server's SQL
 * run on PostgreSQL.
 */
class AuthorizationStoreOnPostgresTests extends AuthorizationStoreScenario {

	@TempDir
	Path dataDir;

	private LocalPostgres database;

	@BeforeEach
	void createDatabase() {
		this.database = LocalPostgres.createDatabase("identity_test");
	}

	@AfterEach
	void dropDatabase() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Override
	ConfigurableApplicationContext start() {
		return StartedIdentity.run(List.of("--spring.profiles.active=demo,postgres", "--prolo.data-dir=" + this.dataDir,
				"--spring.datasource.url=" + this.database.jdbcUrl(),
				"--spring.datasource.username=" + LocalPostgres.username(),
				"--spring.datasource.password=" + LocalPostgres.password()));
	}

}
