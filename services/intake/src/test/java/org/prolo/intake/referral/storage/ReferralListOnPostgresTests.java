package org.prolo.intake.referral.storage;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.prolo.platform.events.LocalPostgres;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The list pages on the local PostgreSQL server, in a fresh database per test; fails
 * rather than skips without the server, like intake's other PostgreSQL tests.
 */
class ReferralListOnPostgresTests extends ReferralListStorageContract {

	private final LocalPostgres database = LocalPostgres.createDatabase("prolo_intake_list");

	private final DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), database.jdbcUrl(),
			LocalPostgres.username(), LocalPostgres.password());

	@Override
	DataSource dataSource() {
		return dataSource;
	}

	@AfterEach
	void dropDatabase() {
		database.close();
	}

}
