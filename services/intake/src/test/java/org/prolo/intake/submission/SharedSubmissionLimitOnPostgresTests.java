package org.prolo.intake.submission;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.prolo.platform.events.LocalPostgres;

/**
 * The shared limit on the local PostgreSQL: two pools, as two intake nodes have, over one
 * fresh database per test.
 */
class SharedSubmissionLimitOnPostgresTests extends SharedSubmissionLimitContract {

	private LocalPostgres database;

	private final List<HikariDataSource> pools = new ArrayList<>();

	@AfterEach
	void closeThePoolsAndDropTheDatabase() {
		pools.forEach(HikariDataSource::close);
		if (database != null) {
			database.close();
		}
	}

	@Override
	DataSource newDataSource() {
		if (database == null) {
			database = LocalPostgres.createDatabase("prolo_intake_budget");
		}
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.jdbcUrl());
		pool.setUsername(LocalPostgres.username());
		pool.setPassword(LocalPostgres.password());
		pool.setMaximumPoolSize(4);
		pools.add(pool);
		return pool;
	}

}
