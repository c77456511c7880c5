package org.prolo.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gauge {@code prolo.outbox.backlog}: publications in Spring Modulith's event_publication
 * that the broker has not acknowledged yet. Counted at most once per {@code refresh}, so
 * a scrape does not query the database each time.
 */
class OutboxBacklog implements MeterBinder {

	static final String METRIC = "prolo.outbox.backlog";

	private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration refresh;

	private Instant countedAt = Instant.MIN;

	private double count = Double.NaN;

	OutboxBacklog(JdbcTemplate jdbc, Clock clock, Duration refresh) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.refresh = refresh;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(METRIC, this, OutboxBacklog::incomplete)
			.description("Outbox publications not yet acknowledged by the broker")
			.register(registry);
	}

	synchronized double incomplete() {
		Instant now = clock.instant();
		if (countedAt.plus(refresh).isAfter(now)) {
			return count;
		}
		countedAt = now;
		try {
			Long incomplete = jdbc
				.queryForObject("select count(*) from event_publication where completion_date is null", Long.class);
			count = (incomplete != null) ? incomplete : 0;
		}
		catch (RuntimeException ex) {
			log.debug("Could not count incomplete event publications: {}", ex.getMessage());
			count = Double.NaN;
		}
		return count;
	}

}
