package org.prolo.scheduling.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.prolo.scheduling.booking.Capacity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCapacity implements Capacity {

	private final JdbcTemplate jdbc;

	JdbcCapacity(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int addSlots(LocalDate day, int slots) {
		// Runs under the calendar lock, so no other addition interleaves.
		int updated = jdbc.update("update extra_capacity set extra_slots = extra_slots + ? where capacity_date = ?",
				slots, Date.valueOf(day));
		if (updated == 0) {
			jdbc.update("insert into extra_capacity (capacity_date, extra_slots) values (?, ?)", Date.valueOf(day),
					slots);
		}
		return jdbc.queryForObject("select extra_slots from extra_capacity where capacity_date = ?", Integer.class,
				Date.valueOf(day));
	}

	@Override
	public Map<LocalDate, Integer> extraSlotsFrom(LocalDate from) {
		Map<LocalDate, Integer> extra = new HashMap<>();
		jdbc.query("select capacity_date, extra_slots from extra_capacity where capacity_date >= ?", (ResultSet rs) -> {
			extra.put(rs.getDate("capacity_date").toLocalDate(), rs.getInt("extra_slots"));
		}, Date.valueOf(from));
		return extra;
	}

}
