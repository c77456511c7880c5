package org.prolo.notification.referrer;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The course_session table: booked course dates per referral, for the closing letter. */
@Repository
public class CourseDates {

	private final JdbcClient jdbc;

	public CourseDates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the referral's dates: a rebooking supersedes the earlier plan. */
	public void replace(String referralId, List<LocalDate> dates) {
		jdbc.sql("delete from course_session where referral_id = ?").param(referralId).update();
		for (int i = 0; i < dates.size(); i++) {
			jdbc.sql("insert into course_session (referral_id, session_number, session_date) values (?, ?, ?)")
				.params(referralId, i + 1, dates.get(i))
				.update();
		}
	}

	public List<LocalDate> of(String referralId) {
		return jdbc.sql("select session_date from course_session where referral_id = ? order by session_number")
			.param(referralId)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list();
	}

}
