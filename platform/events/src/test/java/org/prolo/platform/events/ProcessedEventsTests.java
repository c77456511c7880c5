package org.prolo.platform.events;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessedEventsTests {

	private JdbcTemplate jdbc;

	private TransactionTemplate tx;

	private ProcessedEvents processed;

	@BeforeEach
	void schema() {
		var db = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:processed-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
		jdbc = new JdbcTemplate(db);
		jdbc.execute("create table processed_event (event_id varchar(64) primary key, event_type varchar(200), "
				+ "processed_at timestamp not null)");
		tx = new TransactionTemplate(new DataSourceTransactionManager(db));
		processed = new ProcessedEvents(jdbc, Clock.systemUTC());
	}

	@Test
	void dropsARedelivery() {
		assertThat(deliver("e-1")).isTrue();
		assertThat(deliver("e-1")).isFalse();
		assertThat(deliver("e-2")).isTrue();
	}

	@Test
	void forgetsAnEventWhoseEffectRolledBack() {
		tx.executeWithoutResult(status -> {
			processed.firstDelivery("e-3", "T");
			status.setRollbackOnly();
		});

		assertThat(deliver("e-3")).isTrue();
	}

	private Boolean deliver(String eventId) {
		return tx.execute(status -> processed.firstDelivery(eventId, "T"));
	}

}
