package org.prolo.scheduling.store;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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
		Integer count = jdbc.queryForObject("select count(*) from appointment where appointment_date = ?",
				Integer.class, Date.valueOf(day));
		return (count != null) ? count : 0;
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
				"select referral_id, purpose, session_number, appointment_date, booked_at from appointment "
						+ "where referral_id = ? order by case purpose when 'EXAM' then 0 else 1 end, session_number",
				(rs, row) -> new BookedAppointment(
						new Appointment(rs.getString("referral_id"), Purpose.valueOf(rs.getString("purpose")),
								rs.getInt("session_number"), rs.getDate("appointment_date").toLocalDate()),
						rs.getObject("booked_at", OffsetDateTime.class).toInstant()),
				referralId);
	}

}
