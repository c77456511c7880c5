package org.prolo.scheduling.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.prolo.scheduling.booking.Appointment;
import org.prolo.scheduling.booking.Appointments;
import org.prolo.scheduling.booking.Purpose;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAppointments implements Appointments {

	private final JdbcTemplate jdbc;

	JdbcAppointments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean hasBookings(String referralId, Purpose purpose) {
		Integer count = jdbc.queryForObject("select count(*) from appointment where referral_id = ? and purpose = ?",
				Integer.class, referralId, purpose.name());
		return count != null && count > 0;
	}

	@Override
	public int bookedOn(LocalDate day) {
		Integer count = jdbc.queryForObject(
				"select count(*) from appointment where appointment_date = ? and cancelled_at is null", Integer.class,
				Date.valueOf(day));
		return (count != null) ? count : 0;
	}

	@Override
	public Map<LocalDate, Integer> bookedFrom(LocalDate from) {
		Map<LocalDate, Integer> booked = new HashMap<>();
		jdbc.query(
				"select appointment_date, count(*) as booked from appointment "
						+ "where appointment_date >= ? and cancelled_at is null group by appointment_date",
				(ResultSet rs) -> {
					booked.put(rs.getDate("appointment_date").toLocalDate(), rs.getInt("booked"));
				}, Date.valueOf(from));
		return booked;
	}

	@Override
	public void lockCalendar() {
		jdbc.queryForObject("select id from booking_guard where id = 1 for update", Integer.class);
	}

	@Override
	public void add(List<Appointment> appointments, Instant bookedAt) {
		OffsetDateTime at = bookedAt.atOffset(ZoneOffset.UTC);
		jdbc.batchUpdate(
				"insert into appointment (referral_id, purpose, session_number, appointment_date, booked_at) "
						+ "values (?, ?, ?, ?, ?)",
				appointments.stream()
					.map(a -> new Object[] { a.referralId(), a.purpose().name(), a.number(), Date.valueOf(a.date()),
							at })
					.toList());
	}

	@Override
	public List<BookedAppointment> of(String referralId) {
		return jdbc.query(
				"select referral_id, purpose, session_number, appointment_date, booked_at, cancelled_at from appointment "
						+ "where referral_id = ? order by case purpose when 'EXAM' then 0 else 1 end, session_number",
				(rs, row) -> new BookedAppointment(appointment(rs),
						rs.getObject("booked_at", OffsetDateTime.class).toInstant(),
						instant(rs.getObject("cancelled_at", OffsetDateTime.class))),
				referralId);
	}

	@Override
	public List<CancelledAppointment> cancelBooked(String referralId, LocalDate fromDay, Instant cancelledAt) {
		// Locks the rows it reads, so a concurrent close of the same referral cancels
		// nothing twice.
		List<CancelledAppointment> booked = jdbc.query(
				"select id, referral_id, purpose, session_number, appointment_date from appointment "
						+ "where referral_id = ? and cancelled_at is null and appointment_date >= ? "
						+ "order by case purpose when 'EXAM' then 0 else 1 end, session_number for update",
				(rs, row) -> new CancelledAppointment(Long.toString(rs.getLong("id")), appointment(rs)), referralId,
				Date.valueOf(fromDay));
		OffsetDateTime at = cancelledAt.atOffset(ZoneOffset.UTC);
		jdbc.batchUpdate("update appointment set cancelled_at = ? where id = ? and cancelled_at is null",
				booked.stream().map(c -> new Object[] { at, Long.parseLong(c.id()) }).toList());
		return booked;
	}

	private static Appointment appointment(ResultSet rs) throws SQLException {
		return new Appointment(rs.getString("referral_id"), Purpose.valueOf(rs.getString("purpose")),
				rs.getInt("session_number"), rs.getDate("appointment_date").toLocalDate());
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

}
