package org.prolo.scheduling.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.prolo.scheduling.booking.CoursePlan;
import org.prolo.scheduling.booking.Purpose;
import org.prolo.scheduling.booking.WaitingList;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWaitingList implements WaitingList {

	private static final String OPEN = "booked_at is null and removed_at is null";

	private static final String ENTRY = "select referral_id, purpose, urgent, waitlisted_at, planned_on, sessions, "
			+ "interval_weeks from waiting_entry ";

	private static final String SERVICE_ORDER = " order by urgent desc, waitlisted_at, id";

	private final JdbcTemplate jdbc;

	JdbcWaitingList(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean add(WaitingEntry entry) {
		if (everWaited(entry.referralId(), entry.purpose())) {
			return false;
		}
		CoursePlan course = entry.course();
		return jdbc.update(
				"insert into waiting_entry (referral_id, purpose, urgent, waitlisted_at, planned_on, sessions, "
						+ "interval_weeks) values (?, ?, ?, ?, ?, ?, ?)",
				entry.referralId(), entry.purpose().name(), entry.urgent(), utc(entry.waitlistedAt()),
				(entry.plannedOn() != null) ? Date.valueOf(entry.plannedOn()) : null,
				(course != null) ? course.sessions() : null, (course != null) ? course.intervalWeeks() : null) == 1;
	}

	@Override
	public boolean isWaiting(String referralId, Purpose purpose) {
		return entry(referralId, purpose).isPresent();
	}

	@Override
	public Optional<WaitingEntry> entry(String referralId, Purpose purpose) {
		return jdbc
			.query(ENTRY + "where referral_id = ? and purpose = ? and " + OPEN, (rs, row) -> entry(rs), referralId,
					purpose.name())
			.stream()
			.findFirst();
	}

	@Override
	public List<WaitingEntry> inServiceOrder(Purpose purpose, int limit) {
		return jdbc.query(ENTRY + "where purpose = ? and " + OPEN + SERVICE_ORDER + " limit ?", (rs, row) -> entry(rs),
				purpose.name(), limit);
	}

	@Override
	public List<WaitingReferral> open() {
		return waiting("", new Object[0]);
	}

	@Override
	public List<WaitingReferral> openOf(String referralId) {
		return waiting(" and w.referral_id = ?", new Object[] { referralId });
	}

	private List<WaitingReferral> waiting(String condition, Object[] args) {
		return jdbc.query("select w.referral_id, w.purpose, w.urgent, w.waitlisted_at, r.patient_pseudonym "
				+ "from waiting_entry w left join referral r on r.referral_id = w.referral_id "
				+ "where w.booked_at is null and w.removed_at is null" + condition
				+ " order by case w.purpose when 'EXAM' then 0 else 1 end, w.urgent desc, w.waitlisted_at, w.id",
				(rs, row) -> new WaitingReferral(rs.getString("referral_id"), Purpose.valueOf(rs.getString("purpose")),
						rs.getString("patient_pseudonym"), rs.getBoolean("urgent") ? "URGENT" : "ROUTINE",
						rs.getObject("waitlisted_at", OffsetDateTime.class).toInstant()),
				args);
	}

	@Override
	public void served(String referralId, Purpose purpose, Instant bookedAt) {
		jdbc.update("update waiting_entry set booked_at = ? where referral_id = ? and purpose = ? and " + OPEN,
				utc(bookedAt), referralId, purpose.name());
	}

	@Override
	public int remove(String referralId, Instant removedAt) {
		return jdbc.update("update waiting_entry set removed_at = ? where referral_id = ? and " + OPEN, utc(removedAt),
				referralId);
	}

	@Override
	public int remove(String referralId, Purpose purpose, Instant removedAt) {
		return jdbc.update("update waiting_entry set removed_at = ? where referral_id = ? and purpose = ? and " + OPEN,
				utc(removedAt), referralId, purpose.name());
	}

	@Override
	public boolean everWaited(String referralId, Purpose purpose) {
		return jdbc.queryForObject("select count(*) from waiting_entry where referral_id = ? and purpose = ?",
				Integer.class, referralId, purpose.name()) > 0;
	}

	@Override
	public void urgency(String referralId, boolean urgent) {
		jdbc.update("update waiting_entry set urgent = ? where referral_id = ? and " + OPEN, urgent, referralId);
	}

	@Override
	public Map<Purpose, Backlog> backlog() {
		Map<Purpose, Backlog> backlog = new EnumMap<>(Purpose.class);
		jdbc.query("select purpose, count(*) as waiting, min(waitlisted_at) as oldest from waiting_entry where " + OPEN
				+ " group by purpose", (ResultSet rs) -> {
					backlog.put(Purpose.valueOf(rs.getString("purpose")), new Backlog(rs.getInt("waiting"),
							rs.getObject("oldest", OffsetDateTime.class).toInstant()));
				});
		return backlog;
	}

	private static WaitingEntry entry(ResultSet rs) throws SQLException {
		Purpose purpose = Purpose.valueOf(rs.getString("purpose"));
		Instant waitlistedAt = rs.getObject("waitlisted_at", OffsetDateTime.class).toInstant();
		if (purpose == Purpose.EXAM) {
			return WaitingEntry.exam(rs.getString("referral_id"), rs.getBoolean("urgent"), waitlistedAt);
		}
		return WaitingEntry.course(rs.getString("referral_id"), rs.getBoolean("urgent"), waitlistedAt,
				new CoursePlan(rs.getInt("sessions"), rs.getInt("interval_weeks")),
				rs.getDate("planned_on").toLocalDate());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
