package org.prolo.timeline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prolo.events.ImagingReported;
import org.prolo.events.ReferralTriaged;
import org.prolo.events.ReferrerNotified;
import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.platform.events.EventProbe;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.SharedBrokerSignIn;
import org.prolo.platform.testing.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Poison on every topic the timeline consumes (all five): a record that is not Avro and
 * an Avro single-object record whose schema fingerprint nobody published each land in
 * {@code <topic>.DLT} with a {@code dlt-reason}, and a valid event sent after them on the
 * same partition is still recorded, so the consumer carried on.
 */
// Joins consumer group "timeline" on the shared broker: closed after the class so that
// no other context of this JVM shares the group with it.
@DirtiesContext
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:timeline-poison-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
@AutoConfigureMockMvc
@Import({ TestTokens.Decoder.class, SharedBrokerSignIn.class })
class PoisonRecordTests {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	EventPublisher publisher;

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { EventTopics.INTAKE, EventTopics.WORKFLOW, EventTopics.IMAGING, EventTopics.SCHEDULING,
			EventTopics.NOTIFICATION })
	void parksPoisonInTheDeadLetterTopicAndCarriesOn(String topic) throws Exception {
		String referralId = "R-" + UUID.randomUUID();
		byte[] notAvro = "{\"referralId\":\"not avro\"}".getBytes(StandardCharsets.UTF_8);
		byte[] unknownFingerprint = ByteBuffer.allocate(2 + 8 + 4)
			.order(ByteOrder.LITTLE_ENDIAN)
			.put((byte) 0xC3)
			.put((byte) 0x01)
			.putLong(0x0123456789ABCDEFL)
			.putInt(42)
			.array();

		try (var producer = new KafkaProducer<>(SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			// One key: the poison and the valid event share a partition, so the valid
			// one is consumed only after the poison has been dealt with.
			producer.send(new ProducerRecord<>(topic, referralId, notAvro)).get();
			producer.send(new ProducerRecord<>(topic, referralId, unknownFingerprint)).get();
		}
		publisher.publishAndWait(topic, validEventFor(topic, referralId));

		List<ConsumerRecord<String, byte[]>> dead;
		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), EventTopics.deadLetterOf(topic))) {
			dead = probe.awaitRecords(referralId, 2, PATIENCE);
		}
		assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notAvro, unknownFingerprint);
		assertThat(dead).extracting(record -> CloudEventHeaders.text(record.headers(), EventTopics.DLT_REASON_HEADER))
			.satisfiesExactly(reason -> assertThat(reason).startsWith("BadHeaderException"),
					reason -> assertThat(reason).startsWith("UnknownEventSchemaException")
						.containsIgnoringCase("fingerprint"));
		await().atMost(PATIENCE)
			.untilAsserted(() -> mvc
				.perform(get("/api/referrals/{id}/timeline", referralId).header(HttpHeaders.AUTHORIZATION,
						TestTokens.user("carl", Roles.CLINICAL_COORDINATORS)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.entries.length()").value(1)));
	}

	private static SpecificRecord validEventFor(String topic, String id) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return switch (topic) {
			case EventTopics.INTAKE -> TestEvents.referralSubmitted(id, now).build();
			case EventTopics.WORKFLOW -> ReferralTriaged.newBuilder()
				.setReferralId(id)
				.setTriagedAt(now)
				.setOutcome("ACCEPTED")
				.setTriagedBy("ingrid")
				.build();
			case EventTopics.IMAGING -> ImagingReported.newBuilder()
				.setReferralId(id)
				.setReportedAt(now)
				.setOrderId("O-1")
				.setRedFlag(false)
				.setFullThicknessTear(false)
				.setReport("No tear.")
				.build();
			case EventTopics.SCHEDULING -> SessionsScheduled.newBuilder()
				.setReferralId(id)
				.setScheduledAt(now)
				.setPurpose("COURSE")
				.setSessions(List.of(new ScheduledSession(1, LocalDate.of(2025, 5, 12))))
				.build();
			case EventTopics.NOTIFICATION -> ReferrerNotified.newBuilder()
				.setReferralId(id)
				.setNotifiedAt(now)
				.setReferrerId("dr-ada")
				.setLetterKind("ACCEPTED")
				.setChannel("EMAIL")
				.setCausationEventId("ce-" + id)
				.build();
			default -> throw new IllegalArgumentException(topic);
		};
	}

}
