package org.prolo.platform.events;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent-consumer record: the CloudEvents ids a service has already acted on.
 *
 * <p>
 * Listeners use it through {@link OncePerEvent}, which reads the id and type from the
 * record. {@link #firstDelivery} runs inside the transaction that applies the effect: if
 * the effect rolls back, so does the record, and a redelivery is acted on again; if it
 * commits, a redelivery is dropped. Each service's schema has the table:
 * {@code processed_event(event_id varchar(64) primary key, event_type varchar(200), processed_at timestamp)},
 * on PostgreSQL or H2 in any mode.
 */
public class ProcessedEvents {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public ProcessedEvents(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** True the first time this event id is seen; false for every redelivery. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String eventId, String eventType) {
		if (eventId == null) {
			throw new IllegalArgumentException("Event has no ce_id header; cannot tell a redelivery from a new event");
		}
		// Insert-if-absent in one statement rather than catching a duplicate-key error:
		// on PostgreSQL that error
		// would abort the whole transaction, and with it the caller's effect. Plain SQL,
		// because Camunda's H2 schema
		// cannot run in H2's PostgreSQL mode (which ON CONFLICT needs). One event id
		// always has one key, hence one
		// partition and one consumer thread; only a rebalance can race two copies, and
		// then the primary key rolls the
		// loser back and its redelivery is recognised here.
		return jdbc.update(
				"insert into processed_event (event_id, event_type, processed_at) select ?, ?, ? "
						+ "where not exists (select 1 from processed_event where event_id = ?)",
				eventId, eventType, Timestamp.from(clock.instant()), eventId) == 1;
	}

}
