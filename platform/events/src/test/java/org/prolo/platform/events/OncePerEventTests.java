package org.prolo.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prolo.events.ReferralClosed;
import org.prolo.platform.events.OncePerEvent.InvalidEventHeadersException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OncePerEventTests {

	static final ReferralClosed CLOSED = ReferralClosed.newBuilder()
		.setReferralId("R-1")
		.setClosedAt(Instant.parse("2026-03-02T10:15:30Z"))
		.setOutcome("WITHDRAWN")
		.build();

	JdbcTemplate jdbc;

	OncePerEvent once;

	final List<CloudEventHeaders> applied = new ArrayList<>();

	@BeforeEach
	void database() {
		DataSource db = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:once-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		jdbc = new JdbcTemplate(db);
		jdbc.execute("create table processed_event (event_id varchar(64) primary key, event_type varchar(200), "
				+ "processed_at timestamp not null)");
		jdbc.execute("create table effect (event_id varchar(64))");
		once = new OncePerEvent(new ProcessedEvents(jdbc, Clock.systemUTC()),
				new TransactionTemplate(new DataSourceTransactionManager(db)));
	}

	@Test
	void appliesAnEventOnceHoweverOftenItIsDelivered() {
		assertThat(once.run(headers("e-1"), CLOSED, applied::add)).isTrue();
		assertThat(once.run(headers("e-1"), CLOSED, applied::add)).isFalse();
		assertThat(once.run(headers("e-2"), CLOSED, applied::add)).isTrue();

		assertThat(applied).extracting(CloudEventHeaders::id).containsExactly("e-1", "e-2");
	}

	@Test
	void recordsTheEventUnderTheTypeOfItsAvroRecord() {
		once.run(headers("e-1"), CLOSED, () -> {
		});

		assertThat(jdbc.queryForObject("select event_type from processed_event where event_id = 'e-1'", String.class))
			.isEqualTo("org.prolo.events.ReferralClosed");
	}

	@Test
	void handsTheEffectTheEventsAttributesWithItsType() {
		Map<String, Object> headers = headers("e-1");
		headers.remove(CloudEventHeaders.TYPE);
		headers.put(CloudEventHeaders.SOURCE, "/prolo/workflow");
		headers.put(CloudEventHeaders.TIME, "2026-03-02T10:15:31Z".getBytes(StandardCharsets.UTF_8));

		once.run(headers, CLOSED, applied::add);

		assertThat(applied).containsExactly(new CloudEventHeaders("e-1", "/prolo/workflow",
				"org.prolo.events.ReferralClosed", Instant.parse("2026-03-02T10:15:31Z"), null));
	}

	@Test
	void appliesTheEffectInTheTransactionThatRecordsTheEvent() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> once.run(headers("e-1"), CLOSED, () -> {
			jdbc.update("insert into effect (event_id) values ('e-1')");
			throw new IllegalStateException("effect failed");
		}));
		assertThat(jdbc.queryForObject("select count(*) from effect", Integer.class)).isZero();

		assertThat(once.run(headers("e-1"), CLOSED, () -> jdbc.update("insert into effect (event_id) values ('e-1')")))
			.as("the redelivery of an event whose effect rolled back")
			.isTrue();
		assertThat(jdbc.queryForObject("select count(*) from effect", Integer.class)).isOne();
	}

	@Test
	void readsTheKafkaRecordsHeaders() {
		var headers = new RecordHeaders().add(CloudEventHeaders.ID, "e-7".getBytes(StandardCharsets.UTF_8));

		assertThat(once.run(headers, CLOSED, applied::add)).isTrue();
		assertThat(once.run(headers, CLOSED, applied::add)).isFalse();
		assertThat(applied).extracting(CloudEventHeaders::id).containsExactly("e-7");
	}

	@Test
	void refusesAnEventWithoutIdWithTheReason() {
		Map<String, Object> headers = headers("e-1");
		headers.remove(CloudEventHeaders.ID);

		assertThatExceptionOfType(InvalidEventHeadersException.class)
			.isThrownBy(() -> once.run(headers, CLOSED, applied::add))
			.isInstanceOf(UnhandledEventException.class)
			.withMessage("org.prolo.events.ReferralClosed has no ce_id header: "
					+ "a redelivery could not be told from a new event");
		assertThat(applied).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from processed_event", Integer.class)).isZero();
	}

	@Test
	void refusesABlankId() {
		assertThatExceptionOfType(InvalidEventHeadersException.class)
			.isThrownBy(() -> once.run(headers(" "), CLOSED, applied::add))
			.withMessageContaining("has no ce_id header");
		assertThat(applied).isEmpty();
	}

	@Test
	void refusesAnIdTooLongToKeep() {
		assertThatExceptionOfType(InvalidEventHeadersException.class)
			.isThrownBy(() -> once.run(headers("x".repeat(65)), CLOSED, applied::add))
			.withMessage("org.prolo.events.ReferralClosed has a ce_id of 65 characters; at most 64 are kept");
		assertThat(applied).isEmpty();
	}

	@Test
	void refusesATypeHeaderThatNamesAnotherEvent() {
		Map<String, Object> headers = headers("e-1");
		headers.put(CloudEventHeaders.TYPE, "org.prolo.events.ReferralSubmitted");

		assertThatExceptionOfType(InvalidEventHeadersException.class)
			.isThrownBy(() -> once.run(headers, CLOSED, applied::add))
			.withMessage("ce_type org.prolo.events.ReferralSubmitted does not name the event's record "
					+ "org.prolo.events.ReferralClosed (ce_id e-1)");
		assertThat(applied).isEmpty();
	}

	@Test
	void refusesAnUnreadableTime() {
		Map<String, Object> headers = headers("e-1");
		headers.put(CloudEventHeaders.TIME, "yesterday");

		assertThatExceptionOfType(InvalidEventHeadersException.class)
			.isThrownBy(() -> once.run(headers, CLOSED, applied::add))
			.withMessage("org.prolo.events.ReferralClosed has an unreadable ce_time: yesterday");
	}

	/** As spring-kafka maps them: raw bytes, or text where a mapper decoded them. */
	private static Map<String, Object> headers(String eventId) {
		Map<String, Object> headers = new HashMap<>();
		headers.put(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
		headers.put(CloudEventHeaders.TYPE, "org.prolo.events.ReferralClosed");
		headers.put("kafka_receivedTimestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
		return headers;
	}

}
