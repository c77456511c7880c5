package org.prolo.notification.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.prolo.notification.letter.Letter;
import org.prolo.notification.letter.LetterKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The letters table; causation_event_id is unique, so one event can never store two
 * letters.
 */
@Repository
public class Letters {

	private static final String COLUMNS = "id, causation_event_id, referral_id, referrer_id, kind, recipient, subject, "
			+ "body, written_at, sent_at, notified_at";

	private final JdbcClient jdbc;

	public Letters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public StoredLetter add(Letter letter, String referrerId, String causationEventId, Instant writtenAt) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into letters (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, null)")
			.params(id, causationEventId, letter.referralId(), referrerId, letter.kind().name(), letter.recipient(),
					letter.subject(), letter.body(), Timestamp.from(writtenAt))
			.update();
		return new StoredLetter(id, causationEventId, letter.referralId(), referrerId, letter.kind(),
				letter.recipient(), letter.subject(), letter.body(), writtenAt, null, null);
	}

	/**
	 * The letter, its row locked until the transaction ends: of two nodes about to mail
	 * the same letter, the second waits here and then finds it sent.
	 */
	Optional<StoredLetter> findForSending(String id) {
		return jdbc.sql("select " + COLUMNS + " from letters where id = ? for update")
			.param(id)
			.query(this::map)
			.optional();
	}

	public Optional<StoredLetter> find(String id) {
		return jdbc.sql("select " + COLUMNS + " from letters where id = ?").param(id).query(this::map).optional();
	}

	public List<StoredLetter> ofReferral(String referralId) {
		return jdbc.sql("select " + COLUMNS + " from letters where referral_id = ? order by written_at, id")
			.param(referralId)
			.query(this::map)
			.list();
	}

	public void markSent(String id, Instant at) {
		jdbc.sql("update letters set sent_at = ? where id = ?").params(Timestamp.from(at), id).update();
	}

	public void markNotified(String id, Instant at) {
		jdbc.sql("update letters set notified_at = ? where id = ?").params(Timestamp.from(at), id).update();
	}

	private StoredLetter map(ResultSet rs, int row) throws SQLException {
		return new StoredLetter(rs.getString("id"), rs.getString("causation_event_id"), rs.getString("referral_id"),
				rs.getString("referrer_id"), LetterKind.valueOf(rs.getString("kind")), rs.getString("recipient"),
				rs.getString("subject"), rs.getString("body"), instant(rs, "written_at"), instant(rs, "sent_at"),
				instant(rs, "notified_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
