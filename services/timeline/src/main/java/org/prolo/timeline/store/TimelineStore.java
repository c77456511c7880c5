package org.prolo.timeline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.prolo.timeline.timeline.EventKind;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.timeline.timeline.TimelineEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timeline_entry and referral_status tables. */
@Repository
public class TimelineStore {

	private static final String ENTRY_COLUMNS = "event_id, referral_id, event_type, occurred_at, event_source, summary, status_after";

	private final JdbcClient jdbc;

	public TimelineStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(TimelineEntry entry, Instant recordedAt) {
		jdbc.sql("insert into timeline_entry (" + ENTRY_COLUMNS + ", recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(entry.eventId(), entry.referralId(), entry.kind().typeName(), Timestamp.from(entry.occurredAt()),
					entry.source(), entry.summary(), (entry.statusAfter() != null) ? entry.statusAfter().name() : null,
					Timestamp.from(recordedAt))
			.update();
	}

	public List<TimelineEntry> entriesOf(String referralId) {
		return jdbc
			.sql("select " + ENTRY_COLUMNS
					+ " from timeline_entry where referral_id = ? order by occurred_at, event_id")
			.param(referralId)
			.query(this::entry)
			.list();
	}

	/**
	 * Every referral's entries; fine for a clinic's volume, a warehouse's job beyond it.
	 */
	public Collection<List<TimelineEntry>> allTimelines() {
		Map<String, List<TimelineEntry>> byReferral = new LinkedHashMap<>();
		jdbc.sql("select " + ENTRY_COLUMNS + " from timeline_entry order by referral_id, occurred_at, event_id")
			.query(this::entry)
			.list()
			.forEach(e -> byReferral.computeIfAbsent(e.referralId(), id -> new java.util.ArrayList<>()).add(e));
		return byReferral.values();
	}

	/**
	 * Locks the referral's status row (creating it first), so that events of one referral
	 * arriving on different topics at once compute its status one after the other. ON
	 * CONFLICT, not "count, then insert": two first events of a referral racing to create
	 * the row made the loser's insert fail with a duplicate key, which on PostgreSQL
	 * aborts its transaction and sent the event into retries.
	 */
	public void lockStatus(String referralId, Instant now) {
		jdbc.sql(
				"insert into referral_status (referral_id, status, updated_at) values (?, null, ?) on conflict do nothing")
			.params(referralId, Timestamp.from(now))
			.update();
		jdbc.sql("select referral_id from referral_status where referral_id = ? for update")
			.param(referralId)
			.query(String.class)
			.single();
	}

	public void setStatus(String referralId, ReferralStatus status, Instant now) {
		jdbc.sql("update referral_status set status = ?, updated_at = ? where referral_id = ?")
			.params((status != null) ? status.name() : null, Timestamp.from(now), referralId)
			.update();
	}

	public Optional<ReferralStatus> statusOf(String referralId) {
		return jdbc.sql("select status from referral_status where referral_id = ?")
			.param(referralId)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)).map(ReferralStatus::valueOf))
			.optional()
			.flatMap(status -> status);
	}

	private TimelineEntry entry(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status_after");
		return new TimelineEntry(rs.getString("event_id"), rs.getString("referral_id"),
				EventKind.ofTypeName(rs.getString("event_type")), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("event_source"), rs.getString("summary"),
				(status != null) ? ReferralStatus.valueOf(status) : null);
	}

}
