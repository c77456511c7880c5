package org.prolo.intake.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_entry table: appended to, never changed. */
@Repository
class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(AuditEntry entry) {
		jdbc.sql(
				"insert into audit_entry (recorded_at, caller_id, action, referral_id, outcome) values (?, ?, ?, ?, ?)")
			.params(entry.at().atOffset(ZoneOffset.UTC), entry.callerId(), entry.action(), entry.referralId(),
					entry.outcome())
			.update();
	}

	/** Newest first; either filter may be null, not both. */
	List<AuditEntry> find(String referralId, String callerId, int limit) {
		StringBuilder sql = new StringBuilder(
				"select recorded_at, caller_id, action, referral_id, outcome from audit_entry where 1 = 1");
		var params = new ArrayList<Object>();
		if (referralId != null) {
			sql.append(" and referral_id = ?");
			params.add(referralId);
		}
		if (callerId != null) {
			sql.append(" and caller_id = ?");
			params.add(callerId);
		}
		sql.append(" order by recorded_at desc, id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new AuditEntry(rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
					rs.getString("caller_id"), rs.getString("action"), rs.getString("referral_id"),
					rs.getInt("outcome")))
			.list();
	}

}
