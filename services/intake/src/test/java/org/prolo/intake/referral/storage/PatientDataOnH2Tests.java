package org.prolo.intake.referral.storage;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The patient columns on H2 in PostgreSQL mode, as a local demo stores them. */
class PatientDataOnH2Tests extends PatientDataStorageContract {

	private final DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
			"jdbc:h2:mem:patient-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
			"sa", "");

	@Override
	DataSource dataSource() {
		return dataSource;
	}

}
