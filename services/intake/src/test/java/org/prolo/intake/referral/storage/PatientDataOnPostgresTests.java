package org.prolo.intake.referral.storage;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.prolo.platform.testing.SharedDatabase;

/**
 * The patient columns on the local PostgreSQL server, in a fresh database per test; fails
 * rather than skips without the server, like intake's other PostgreSQL tests.
 */
class PatientDataOnPostgresTests extends PatientDataStorageContract {

	@RegisterExtension
	final SharedDatabase database = new SharedDatabase();

	@Override
	DataSource dataSource() {
		return database.postgres("prolo_intake_patient");
	}

}
