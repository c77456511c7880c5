package org.prolo.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.prolo.events.ReferralClosed;
import org.prolo.events.codec.EventCodec;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.testing.Redelivery;
import org.prolo.platform.testing.TestEvents;
import org.prolo.platform.testing.TestKafka;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener on the real container: redeliveries, and a record it must not guess about.
 */
@SpringBootTest(classes = OncePerEventDeliveryTests.Listening.class,
		properties = { "spring.application.name=once", "prolo.events.owned-topics=once.events",
				"prolo.events.consumed-topics=once.events", "prolo.events.retry-backoff=10ms",
				"spring.kafka.consumer.auto-offset-reset=earliest",
				"spring.datasource.url=jdbc:h2:mem:once-delivery;DB_CLOSE_DELAY=-1" })
class OncePerEventDeliveryTests {

	static final String TOPIC = "once.events";

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		TestKafka.signIn(registry, new KafkaAccess("once", List.of(TOPIC), List.of(TOPIC), List.of("once")));
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	Listening.Listener listener;

	@Test
	void actsOnARedeliveredEventOnce() throws Exception {
		String referralId = "R-" + UUID.randomUUID();

		publisher.publishAndWait(TOPIC, closed(referralId, "WITHDRAWN"), "once-1-" + referralId);
		publisher.publishAndWait(TOPIC, closed(referralId, "WITHDRAWN"), "once-1-" + referralId);
		// Same key, same partition: once this one is through, so is the copy before it.
		publisher.publishAndWait(TOPIC, closed(referralId, "REJECTED"), "once-2-" + referralId);

		assertThat(listener.applied.poll(20, TimeUnit.SECONDS)).isEqualTo("once-1-" + referralId);
		assertThat(listener.applied.poll(20, TimeUnit.SECONDS)).isEqualTo("once-2-" + referralId);
		assertThat(listener.applied).isEmpty();
	}

	@Test
	void parksAnEventWithoutIdInTheDeadLetterTopicWithTheReason() throws Exception {
		String referralId = "R-" + UUID.randomUUID();
		var closed = closed(referralId, "WITHDRAWN");

		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), EventTopics.deadLetterOf(TOPIC))) {
			sendWithoutId(closed);

			var dead = probe.awaitRecords(referralId, 1, Duration.ofSeconds(30)).get(0);
			assertThat(CloudEventHeaders.text(dead.headers(), EventTopics.DLT_REASON_HEADER))
				.isEqualTo("InvalidEventHeadersException: org.prolo.events.ReferralClosed has no ce_id header: "
						+ "a redelivery could not be told from a new event");
			assertThat(EventCodec.published().decode(dead.value())).isEqualTo(closed);
		}
	}

	private static ReferralClosed closed(String referralId, String outcome) {
		return TestEvents.referralClosed(referralId, Instant.now().truncatedTo(ChronoUnit.MILLIS), outcome).build();
	}

	private static void sendWithoutId(ReferralClosed event) {
		var record = new ProducerRecord<String, byte[]>(TOPIC, event.getReferralId(),
				EventCodec.published().encode(event));
		record.headers().add(CloudEventHeaders.TYPE, event.getSchema().getFullName().getBytes(StandardCharsets.UTF_8));
		Redelivery.send(SharedTestBroker.bootstrapServers(), record);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableKafka
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			DataSourceTransactionManagerAutoConfiguration.class, EventsAutoConfiguration.class,
			KafkaAutoConfiguration.class })
	static class Listening {

		@Bean
		Listener listener(OncePerEvent once, JdbcTemplate jdbc) {
			jdbc.execute("create table processed_event (event_id varchar(64) primary key, "
					+ "event_type varchar(200), processed_at timestamp not null)");
			return new Listener(once);
		}

		@KafkaListener(topics = TOPIC, groupId = "once")
		static class Listener {

			final BlockingQueue<String> applied = new LinkedBlockingQueue<>();

			private final OncePerEvent once;

			Listener(OncePerEvent once) {
				this.once = once;
			}

			@KafkaHandler
			void on(ReferralClosed closed, @Headers Map<String, Object> headers) {
				once.run(headers, closed, event -> applied.add(event.id()));
			}

		}

	}

}
