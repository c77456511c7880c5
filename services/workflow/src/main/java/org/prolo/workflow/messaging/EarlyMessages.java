package org.prolo.workflow.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Messages that arrived before their process instance waited for them (table
 * early_message), with the process variables they will deliver.
 */
@Repository
public class EarlyMessages {

	/** One kept message. */
	public record EarlyMessage(String eventId, String referralId, String messageName, Map<String, Object> variables) {
	}

	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	public EarlyMessages(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	public void keep(EarlyMessage message) {
		try {
			jdbc.update(
					"insert into early_message (event_id, referral_id, message_name, variables, received_at) "
							+ "values (?, ?, ?, ?, ?)",
					message.eventId(), message.referralId(), message.messageName(),
					json.writeValueAsString(message.variables()), Timestamp.from(clock.instant()));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Message variables are not serialisable", ex);
		}
	}

	/**
	 * Removes and returns the oldest kept message of this name for the referral, if any.
	 */
	public Optional<EarlyMessage> take(String referralId, String messageName) {
		List<EarlyMessage> found = jdbc.query(
				"select event_id, referral_id, message_name, variables from early_message "
						+ "where referral_id = ? and message_name = ? order by received_at",
				(rs, row) -> new EarlyMessage(rs.getString(1), rs.getString(2), rs.getString(3), read(rs.getString(4))),
				referralId, messageName);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		EarlyMessage first = found.get(0);
		remove(first.eventId());
		return Optional.of(first);
	}

	public List<EarlyMessage> all() {
		return jdbc
			.query("select event_id, referral_id, message_name, variables from early_message order by received_at", (rs,
					row) -> new EarlyMessage(rs.getString(1), rs.getString(2), rs.getString(3), read(rs.getString(4))));
	}

	public boolean remove(String eventId) {
		return jdbc.update("delete from early_message where event_id = ?", eventId) == 1;
	}

	private Map<String, Object> read(String variables) {
		try {
			return json.readValue(variables, VARIABLES);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable early message variables", ex);
		}
	}

}
