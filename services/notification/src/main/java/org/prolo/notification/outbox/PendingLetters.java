package org.prolo.notification.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.prolo.notification.letter.Cancellation;
import org.prolo.notification.letter.LetterKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pending_letter table: letters waiting for their referrer's contact, and the
 * per-referral lock.
 */
@Repository
class PendingLetters {

	private final JdbcClient jdbc;

	PendingLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises the use cases of one referral until the transaction ends. ON CONFLICT
	 * keeps a concurrent first insert from aborting the PostgreSQL transaction; the
	 * second waits for the first to commit.
	 */
	void lock(String referralId) {
		jdbc.sql("insert into referral_lock (referral_id) values (?) on conflict do nothing")
			.param(referralId)
			.update();
		jdbc.sql("select referral_id from referral_lock where referral_id = ? for update")
			.param(referralId)
			.query(String.class)
			.single();
	}

	void add(Cause cause, String referralId, Occasion occasion, Instant receivedAt) {
		jdbc.sql("""
				insert into pending_letter (causation_event_id, causation_event_type, referral_id, kind, question,
				  answer_due_at, outcome, reason_code, note_to_referrer, session_dates, received_at, cancellations)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(cause.eventId(), cause.eventType(), referralId, occasion.kind().name(), occasion.question(),
					(occasion.answerDueAt() != null) ? Timestamp.from(occasion.answerDueAt()) : null,
					occasion.outcome(), occasion.reasonCode(), occasion.noteToReferrer(),
					occasion.sessionDates().isEmpty() ? null
							: occasion.sessionDates()
								.stream()
								.map(LocalDate::toString)
								.collect(Collectors.joining(",")),
					Timestamp.from(receivedAt),
					occasion.cancellations().isEmpty() ? null : Cancellation.encode(occasion.cancellations()))
			.update();
	}

	/**
	 * The referral's pending letters in the order their events arrived, removed from the
	 * table.
	 */
	List<Pending> takeAll(String referralId) {
		List<Pending> pending = jdbc.sql("""
				select causation_event_id, causation_event_type, kind, question, answer_due_at, outcome, reason_code,
				  note_to_referrer, session_dates, cancellations
				from pending_letter where referral_id = ? order by received_at, causation_event_id""")
			.param(referralId)
			.query(this::map)
			.list();
		jdbc.sql("delete from pending_letter where referral_id = ?").param(referralId).update();
		return pending;
	}

	private Pending map(ResultSet rs, int row) throws SQLException {
		Timestamp due = rs.getTimestamp("answer_due_at");
		String dates = rs.getString("session_dates");
		return new Pending(new Cause(rs.getString("causation_event_id"), rs.getString("causation_event_type")),
				new Occasion(LetterKind.valueOf(rs.getString("kind")), rs.getString("question"),
						(due != null) ? due.toInstant() : null, rs.getString("outcome"), rs.getString("reason_code"),
						rs.getString("note_to_referrer"),
						(dates != null) ? Arrays.stream(dates.split(",")).map(LocalDate::parse).toList() : null,
						Cancellation.decode(rs.getString("cancellations"))));
	}

	record Pending(Cause cause, Occasion occasion) {
	}

}
