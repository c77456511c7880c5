package org.prolo.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralWithdrawn;
import org.prolo.events.codec.EventCodec;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.testing.TestKafka;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest(classes = EventPlumbingTests.Listening.class,
		properties = { "spring.application.name=plumbing", "prolo.events.owned-topics=plumbing.events",
				"prolo.events.consumed-topics=plumbing.events", "prolo.events.retry-backoff=10ms",
				"spring.kafka.consumer.auto-offset-reset=earliest" })
class EventPlumbingTests {

	static final String TOPIC = "plumbing.events";

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		TestKafka.signIn(registry, new KafkaAccess("plumbing", List.of(TOPIC), List.of(TOPIC), List.of("plumbing")));
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	Listening.Listener listener;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	OutboxRelay relay;

	@Test
	void publishesWithCloudEventsHeadersKeyedByReferral() throws Exception {
		String referralId = "R-" + UUID.randomUUID();
		var closed = ReferralClosed.newBuilder()
			.setReferralId(referralId)
			.setClosedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setOutcome("WITHDRAWN")
			.build();

		publisher.publishAndWait(TOPIC, closed);

		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), TOPIC)) {
			var record = probe.awaitRecords(referralId, 1, Duration.ofSeconds(20)).get(0);
			var headers = CloudEventHeaders.readFrom(record.headers());
			assertThat(headers.type()).isEqualTo("org.prolo.events.ReferralClosed");
			assertThat(headers.source()).isEqualTo("/prolo/plumbing");
			assertThat(headers.subject()).isEqualTo(referralId);
			assertThat(headers.id()).isNotBlank();
			assertThat(headers.time()).isNotNull();
			assertThat(CloudEventHeaders.text(record.headers(), CloudEventHeaders.SPECVERSION)).isEqualTo("1.0");
			assertThat(CloudEventHeaders.text(record.headers(), CloudEventHeaders.CONTENT_TYPE))
				.isEqualTo("application/avro");
			assertThat(EventCodec.published().decode(record.value())).isEqualTo(closed);
		}
		assertThat(listener.received.poll(20, TimeUnit.SECONDS)).isEqualTo(closed);
	}

	@Test
	void keepsTheEventIdOfAReSentEvent() {
		String referralId = "R-" + UUID.randomUUID();
		var closed = ReferralClosed.newBuilder()
			.setReferralId(referralId)
			.setClosedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setOutcome("REJECTED")
			.build();

		publisher.publishAndWait(TOPIC, closed, "event-42");
		publisher.publishAndWait(TOPIC, closed, "event-42");

		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), TOPIC)) {
			assertThat(probe.awaitRecords(referralId, 2, Duration.ofSeconds(20)))
				.extracting(record -> CloudEventHeaders.readFrom(record.headers()).id())
				.containsExactly("event-42", "event-42");
		}
	}

	record StoredClose(String eventId, String referralId, Instant closedAt) {
	}

	@Test
	void relaysAStoredFactUnderTheIdItWasStoredWithEveryTime() {
		String referralId = "R-" + UUID.randomUUID();
		var stored = new StoredClose("fact-" + referralId, referralId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
		OutboxMapping<StoredClose> mapping = OutboxMapping.of(TOPIC, StoredClose::eventId,
				fact -> ReferralClosed.newBuilder()
					.setReferralId(fact.referralId())
					.setClosedAt(fact.closedAt())
					.setOutcome("WITHDRAWN")
					.build());

		relay.relay(stored, mapping);
		relay.relay(stored, mapping);

		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), TOPIC)) {
			assertThat(probe.awaitRecords(referralId, 2, Duration.ofSeconds(20)))
				.extracting(record -> CloudEventHeaders.readFrom(record.headers()))
				.extracting(CloudEventHeaders::id, CloudEventHeaders::type)
				.containsExactly(tuple("fact-" + referralId, "org.prolo.events.ReferralClosed"),
						tuple("fact-" + referralId, "org.prolo.events.ReferralClosed"));
		}
	}

	@Test
	void parksAnUndecodableRecordInTheDeadLetterTopicWithTheReason() throws Exception {
		String key = "R-" + UUID.randomUUID();
		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), EventTopics.deadLetterOf(TOPIC))) {
			sendNotAvro(key);

			var dead = probe.awaitRecords(key, 1, Duration.ofSeconds(30)).get(0);

			assertThat(dead.value()).asString(StandardCharsets.UTF_8).isEqualTo("not avro");
			assertThat(CloudEventHeaders.text(dead.headers(), EventTopics.DLT_REASON_HEADER))
				.isEqualTo("BadHeaderException: Not Avro single-object encoded: the C3 01 marker is missing");
			assertThat(CloudEventHeaders.text(dead.headers(), "kafka_dlt-original-topic")).isEqualTo(TOPIC);
		}
	}

	@Test
	void parksAnEventTheListenerCannotHandle() throws Exception {
		String referralId = "R-" + UUID.randomUUID();
		var withdrawn = withdrawn(referralId);

		publisher.publishAndWait(TOPIC, withdrawn);

		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), EventTopics.deadLetterOf(TOPIC))) {
			var dead = probe.awaitRecords(referralId, 1, Duration.ofSeconds(30)).get(0);
			assertThat(CloudEventHeaders.text(dead.headers(), EventTopics.DLT_REASON_HEADER))
				.isEqualTo("UnhandledEventException: This listener does not handle ReferralWithdrawn");
			assertThat(EventCodec.published().decode(dead.value())).isEqualTo(withdrawn);
		}
	}

	@Test
	void listsADeadLetterWithItsReasonAndReplaysItOntoItsTopic() {
		String referralId = "R-" + UUID.randomUUID();
		var withdrawn = withdrawn(referralId);
		publisher.publishAndWait(TOPIC, withdrawn, "withdrawn-" + referralId);

		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), EventTopics.deadLetterOf(TOPIC))) {
			probe.awaitRecords(referralId, 1, Duration.ofSeconds(30));
			var letter = deadLetters.list(TOPIC)
				.stream()
				.filter(candidate -> referralId.equals(candidate.key()))
				.findFirst()
				.orElseThrow();
			assertThat(letter.originalTopic()).isEqualTo(TOPIC);
			assertThat(letter.originalOffset()).isNotNull();
			assertThat(letter.reason()).contains("does not handle ReferralWithdrawn");
			assertThat(letter.eventId()).isEqualTo("withdrawn-" + referralId);
			assertThat(letter.eventType()).isEqualTo("org.prolo.events.ReferralWithdrawn");

			deadLetters.replay(TOPIC, letter.partition(), letter.offset());

			// The listener still refuses it, so it is parked a second time: proof that it
			// went round again.
			assertThat(probe.awaitRecords(referralId, 2, Duration.ofSeconds(30)))
				.extracting(record -> CloudEventHeaders.readFrom(record.headers()).id())
				.containsExactly("withdrawn-" + referralId, "withdrawn-" + referralId);
		}
	}

	@Test
	void refusesToReplayADeadLetterThatIsNotTheRecordTheProducerWrote() throws Exception {
		String referralId = "R-" + UUID.randomUUID();
		publisher.publishAndWait(TOPIC, withdrawn(referralId), "withdrawn-" + referralId);

		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), EventTopics.deadLetterOf(TOPIC))) {
			var parked = probe.awaitRecords(referralId, 1, Duration.ofSeconds(30)).get(0);
			// Another consumer of the topic, which may write its dead-letter topic, parks
			// a
			// record of its own making under the genuine one's coordinates.
			var forged = new ProducerRecord<>(EventTopics.deadLetterOf(TOPIC), referralId,
					EventCodec.published().encode(withdrawn("R-forged-" + referralId)));
			parked.headers().forEach(header -> forged.headers().add(header));
			try (var producer = new KafkaProducer<>(SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers()),
					new StringSerializer(), new ByteArraySerializer())) {
				producer.send(forged).get();
			}
			probe.awaitRecords(referralId, 2, Duration.ofSeconds(30));
			var letters = deadLetters.withKey(referralId);
			assertThat(letters).hasSize(2);

			assertThatThrownBy(() -> deadLetters.replay(TOPIC, letters.get(1).partition(), letters.get(1).offset()))
				.isInstanceOf(DeadLetters.ReplayRefusedException.class)
				.hasMessageContaining("is not the record at " + TOPIC);
		}
	}

	@Test
	void findsTheDeadLettersOfOneKeyAcrossDeadLetterTopics() throws Exception {
		String referralId = "R-" + UUID.randomUUID();
		var withdrawn = withdrawn(referralId);
		publisher.publishAndWait(TOPIC, withdrawn, "withdrawn-" + referralId);
		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), EventTopics.deadLetterOf(TOPIC))) {
			sendNotAvro(referralId);
			sendNotAvro("R-" + UUID.randomUUID());
			probe.awaitRecords(referralId, 2, Duration.ofSeconds(30));
		}

		var letters = deadLetters.withKey(referralId);

		assertThat(letters).hasSize(2).allSatisfy(letter -> {
			assertThat(letter.key()).isEqualTo(referralId);
			assertThat(letter.deadLetterTopic()).isEqualTo(EventTopics.deadLetterOf(TOPIC));
			assertThat(letter.originalTopic()).isEqualTo(TOPIC);
			assertThat(letter.originalConsumerGroup()).isEqualTo("plumbing");
		});
		assertThat(letters).extracting(DeadLetters.DeadLetter::reason)
			.containsExactlyInAnyOrder("UnhandledEventException: This listener does not handle ReferralWithdrawn",
					"BadHeaderException: Not Avro single-object encoded: the C3 01 marker is missing");
		assertThat(deadLetters.withKey("R-" + UUID.randomUUID())).isEmpty();
	}

	private static ReferralWithdrawn withdrawn(String referralId) {
		return ReferralWithdrawn.newBuilder()
			.setReferralId(referralId)
			.setWithdrawnAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setReferrerId("dr-ada")
			.build();
	}

	/** A record no Avro decoder can read, straight onto the topic. */
	private static void sendNotAvro(String key) throws Exception {
		try (var producer = new KafkaProducer<>(SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(TOPIC, key, "not avro".getBytes(StandardCharsets.UTF_8))).get();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableKafka
	@ImportAutoConfiguration({ EventsAutoConfiguration.class, KafkaAutoConfiguration.class })
	static class Listening {

		@Bean
		Listener listener() {
			return new Listener();
		}

		@KafkaListener(topics = TOPIC, groupId = "plumbing")
		static class Listener {

			final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

			@KafkaHandler
			void on(ReferralClosed closed) {
				received.add(closed);
			}

			@KafkaHandler(isDefault = true)
			void other(Object event) {
				throw new UnhandledEventException("This listener does not handle " + event.getClass().getSimpleName());
			}

		}

	}

}
