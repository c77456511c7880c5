package org.prolo.intake.submission;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.prolo.platform.testing.SharedDatabase;

/**
 * The shared limit on the local PostgreSQL: two pools, as two intake nodes have, over one
 * fresh database per test.
 */
class SharedSubmissionLimitOnPostgresTests extends SharedSubmissionLimitContract {

	@RegisterExtension
	final SharedDatabase database = new SharedDatabase();

	@Override
	DataSource newDataSource() {
		return database.postgresNode("prolo_intake_budget", 4);
	}

}
