package org.prolo.notification.referrer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.prolo.notification.letter.CoursePlan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The course_plan table: the planned course per referral, for the closing letter. */
@Repository
public class CoursePlans {

	/** Injection sites are free text; a line break never occurs in one. */
	private static final String SITE_SEPARATOR = "\n";

	private final JdbcClient jdbc;

	public CoursePlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces the referral's plan: a plan published again supersedes the earlier one.
	 */
	public void save(String referralId, CoursePlan plan) {
		jdbc.sql("delete from course_plan where referral_id = ?").param(referralId).update();
		jdbc.sql("insert into course_plan (referral_id, sessions, interval_weeks, dextrose_percent, injection_sites) "
				+ "values (?, ?, ?, ?, ?)")
			.params(referralId, plan.sessions(), plan.intervalWeeks(), plan.dextrosePercent(),
					String.join(SITE_SEPARATOR, plan.injectionSites()))
			.update();
	}

	public Optional<CoursePlan> of(String referralId) {
		return jdbc
			.sql("select sessions, interval_weeks, dextrose_percent, injection_sites from course_plan "
					+ "where referral_id = ?")
			.param(referralId)
			.query((rs, n) -> new CoursePlan(rs.getInt(1), rs.getInt(2), rs.getDouble(3), sites(rs.getString(4))))
			.optional();
	}

	private static List<String> sites(String text) {
		return (text == null || text.isEmpty()) ? List.of() : Arrays.asList(text.split(SITE_SEPARATOR));
	}

}
