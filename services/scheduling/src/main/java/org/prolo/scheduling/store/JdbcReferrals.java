package org.prolo.scheduling.store;

import org.prolo.scheduling.booking.Referrals;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReferrals implements Referrals {

	private static final String URGENT = "URGENT";

	private final JdbcTemplate jdbc;

	JdbcReferrals(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean record(String referralId, String patientPseudonym, String urgency) {
		if (jdbc.queryForObject("select count(*) from referral where referral_id = ?", Integer.class, referralId) > 0) {
			return false;
		}
		return jdbc.update("insert into referral (referral_id, patient_pseudonym, urgency) values (?, ?, ?)",
				referralId, patientPseudonym, urgency) == 1;
	}

	@Override
	public boolean isUrgent(String referralId) {
		return jdbc.queryForObject("select count(*) from referral where referral_id = ? and urgency = ?", Integer.class,
				referralId, URGENT) > 0;
	}

}
