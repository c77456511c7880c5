package org.prolo.platform.events;

import java.time.Clock;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On both databases the product runs on: H2 (PostgreSQL mode) by default, the local
 * PostgreSQL server in production.
 */
class ProcessedEventsTests {

	static LocalPostgres postgres;

	static Stream<Named<DataSource>> databases() {
		if (postgres == null) {
			postgres = LocalPostgres.createDatabase("processed_events_test");
		}
		return Stream.of(
				Named.of("H2",
						new SimpleDriverDataSource(new org.h2.Driver(),
								"jdbc:h2:mem:processed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")),
				Named.of("H2 in PostgreSQL mode",
						new SimpleDriverDataSource(new org.h2.Driver(),
								"jdbc:h2:mem:processed-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1")),
				Named.of("PostgreSQL", new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(),
						LocalPostgres.username(), LocalPostgres.password())));
	}

	@AfterAll
	static void dropDatabase() {
		if (postgres != null) {
			postgres.close();
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void dropsARedelivery(DataSource db) {
		var processed = processed(db);

		assertThat(deliver(db, processed, "e-1")).isTrue();
		assertThat(deliver(db, processed, "e-1")).isFalse();
		assertThat(deliver(db, processed, "e-2")).isTrue();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void forgetsAnEventWhoseEffectRolledBack(DataSource db) {
		var processed = processed(db);
		tx(db).executeWithoutResult(status -> {
			processed.firstDelivery("e-3", "T");
			status.setRollbackOnly();
		});

		assertThat(deliver(db, processed, "e-3")).isTrue();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void leavesTheTransactionUsableAfterARedelivery(DataSource db) {
		var processed = processed(db);
		deliver(db, processed, "e-4");

		Integer count = tx(db).execute(status -> {
			processed.firstDelivery("e-4", "T");
			return new JdbcTemplate(db).queryForObject("select count(*) from processed_event", Integer.class);
		});

		assertThat(count).isEqualTo(1);
	}

	private static ProcessedEvents processed(DataSource db) {
		var jdbc = new JdbcTemplate(db);
		jdbc.execute("drop table if exists processed_event");
		jdbc.execute("create table processed_event (event_id varchar(64) primary key, event_type varchar(200), "
				+ "processed_at timestamp not null)");
		return new ProcessedEvents(jdbc, Clock.systemUTC());
	}

	private static TransactionTemplate tx(DataSource db) {
		return new TransactionTemplate(new DataSourceTransactionManager(db));
	}

	private static Boolean deliver(DataSource db, ProcessedEvents processed, String eventId) {
		return tx(db).execute(status -> processed.firstDelivery(eventId, "T"));
	}

}
