package org.prolo.notification.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.prolo.notification.letter.LetterKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The closing letter of a planned course, which names the booked dates: it waits for them
 * (closing_letter_waiting), and the dates it or a later letter gave are remembered
 * (course_dates_told).
 */
@Repository
class CourseLetters {

	private final JdbcClient jdbc;

	CourseLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A close published again while its letter waits is the same close: kept once. */
	void awaitDates(Cause cause, String referralId, Occasion closing, Instant receivedAt) {
		jdbc.sql("""
				insert into closing_letter_waiting (referral_id, causation_event_id, causation_event_type, outcome,
				  reason_code, note_to_referrer, received_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(referralId, cause.eventId(), cause.eventType(), closing.outcome(), closing.reasonCode(),
					closing.noteToReferrer(), Timestamp.from(receivedAt))
			.update();
	}

	/** The closing letter waiting for dates, removed from the table. */
	Optional<PendingLetters.Pending> takeWaiting(String referralId) {
		Optional<PendingLetters.Pending> waiting = jdbc.sql("""
				select causation_event_id, causation_event_type, outcome, reason_code, note_to_referrer
				from closing_letter_waiting where referral_id = ?""")
			.param(referralId)
			.query((rs, n) -> new PendingLetters.Pending(new Cause(rs.getString(1), rs.getString(2)),
					new Occasion(LetterKind.CLOSED, null, null, rs.getString(3), rs.getString(4), rs.getString(5),
							null)))
			.optional();
		waiting.ifPresent(
				w -> jdbc.sql("delete from closing_letter_waiting where referral_id = ?").param(referralId).update());
		return waiting;
	}

	List<LocalDate> told(String referralId) {
		return jdbc.sql("select session_dates from course_dates_told where referral_id = ?")
			.param(referralId)
			.query(String.class)
			.optional()
			.map(dates -> Arrays.stream(dates.split(",")).map(LocalDate::parse).toList())
			.orElse(List.of());
	}

	void tell(String referralId, List<LocalDate> dates) {
		jdbc.sql("delete from course_dates_told where referral_id = ?").param(referralId).update();
		jdbc.sql("insert into course_dates_told (referral_id, session_dates) values (?, ?)")
			.params(referralId, dates.stream().map(LocalDate::toString).collect(Collectors.joining(",")))
			.update();
	}

}
