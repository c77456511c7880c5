package org.prolo.imaging.store;

import java.time.Instant;
import java.time.ZoneOffset;

import org.prolo.imaging.order.ClosedReferrals;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcClosedReferrals implements ClosedReferrals {

	private final JdbcTemplate jdbc;

	JdbcClosedReferrals(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(String referralId, String outcome, Instant closedAt) {
		if (!isClosed(referralId)) {
			jdbc.update("insert into closed_referral (referral_id, outcome, closed_at) values (?, ?, ?)", referralId,
					outcome, closedAt.atOffset(ZoneOffset.UTC));
		}
	}

	@Override
	public boolean isClosed(String referralId) {
		Integer count = jdbc.queryForObject("select count(*) from closed_referral where referral_id = ?", Integer.class,
				referralId);
		return count != null && count > 0;
	}

}
