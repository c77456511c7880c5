package org.prolo.platform.events;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent-consumer record: the CloudEvents ids a service has already acted on.
 *
 * <p>Call {@link #firstDelivery} inside the transaction that applies the event's effect: if the
 * effect rolls back, so does the record, and a redelivery is acted on again; if it commits, a
 * redelivery is dropped. Each service's schema has the table:
 * {@code processed_event(event_id varchar(64) primary key, event_type varchar(200), processed_at timestamp)}, on
 * PostgreSQL or on H2 in PostgreSQL mode.
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
		// ON CONFLICT instead of catching a duplicate-key error: on PostgreSQL that error would abort the whole
		// transaction, and with it the caller's effect. H2 accepts it in PostgreSQL mode.
		return jdbc.update("insert into processed_event (event_id, event_type, processed_at) values (?, ?, ?) "
				+ "on conflict do nothing", eventId, eventType, Timestamp.from(clock.instant())) == 1;
	}

}
