package org.prolo.intake.referral.storage;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The list pages on H2 in PostgreSQL mode, as a local demo stores referrals. */
class ReferralListOnH2Tests extends ReferralListStorageContract {

	private final DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
			"jdbc:h2:mem:list-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
			"sa", "");

	@Override
	DataSource dataSource() {
		return dataSource;
	}

}
