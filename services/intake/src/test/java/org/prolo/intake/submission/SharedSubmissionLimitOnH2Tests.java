package org.prolo.intake.submission;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The shared limit on H2 in PostgreSQL mode, as the embedded default stores it (one
 * process there, but the same rows and locks).
 */
class SharedSubmissionLimitOnH2Tests extends SharedSubmissionLimitContract {

	private final String url = "jdbc:h2:mem:budget-" + UUID.randomUUID()
			+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	@Override
	DataSource newDataSource() {
		return new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
	}

}
