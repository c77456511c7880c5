package org.prolo.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralWithdrawn;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.testing.TestKafka;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service gets from platform/events for operations: the trace context on the
 * wire and through the outbox, Kafka in readiness, Prometheus metrics of the consumers
 * and of dead letters.
 */
@SpringBootTest(classes = ObservabilityTests.Traced.class,
		properties = { "spring.application.name=traced", "prolo.events.owned-topics=traced.events",
				"prolo.events.consumed-topics=traced.events", "prolo.events.retry-backoff=10ms",
				"spring.kafka.consumer.auto-offset-reset=earliest" })
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

	static final String TOPIC = "traced.events";

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		TestKafka.signIn(registry, new KafkaAccess("traced", List.of(TOPIC), List.of(TOPIC), List.of("traced")));
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	OutboxTracing outboxTracing;

	@Autowired
	Tracer tracer;

	@Autowired
	Traced.Listener listener;

	@Autowired
	PrometheusMeterRegistry prometheus;

	@Autowired
	HealthEndpointGroups groups;

	@Autowired
	KafkaHealthIndicator kafkaHealth;

	@Test
	void aRecordSentWithinASpanCarriesItsTraceparentAndTheListenerContinuesTheTrace(CapturedOutput output)
			throws Exception {
		var closed = closed();
		var span = tracer.nextSpan().name("request").start();
		try (var scope = tracer.withSpan(span)) {
			publisher.publishAndWait(TOPIC, closed);
		}
		finally {
			span.end();
		}

		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), TOPIC)) {
			var record = probe.awaitRecords(closed.getReferralId(), 1, Duration.ofSeconds(20)).get(0);
			assertThat(CloudEventHeaders.text(record.headers(), "traceparent"))
				.startsWith("00-" + span.context().traceId() + "-");
		}
		assertThat(listener.received(closed.getReferralId())).isEqualTo(span.context().traceId());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern("\\[" + span.context().traceId()
					+ ",[0-9a-f]{16}\\] .*Handled org.prolo.events.ReferralClosed \\S+ for referral "
					+ closed.getReferralId()));
	}

	@Test
	void anOutboxRelayOnAnotherThreadSendsInTheTraceStoredWithTheEvent() throws Exception {
		var closed = closed();
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		Object outboxEvent = new Object();
		outboxTracing.remember(outboxEvent, "00-" + traceId + "-00f067aa0ba902b7-01");

		var relay = new Thread(() -> publisher.inTraceOf(outboxEvent, () -> publisher.publishAndWait(TOPIC, closed)));
		relay.start();
		relay.join();

		try (var probe = new EventProbe(SharedTestBroker.bootstrapServers(), TOPIC)) {
			var record = probe.awaitRecords(closed.getReferralId(), 1, Duration.ofSeconds(20)).get(0);
			assertThat(CloudEventHeaders.text(record.headers(), "traceparent")).startsWith("00-" + traceId + "-");
		}
		assertThat(listener.received(closed.getReferralId())).isEqualTo(traceId);
	}

	@Test
	void prometheusShowsConsumerLagAndDeadLettersByTopic() {
		var withdrawn = ReferralWithdrawn.newBuilder()
			.setReferralId("R-" + UUID.randomUUID())
			.setWithdrawnAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setReferrerId("dr-ada")
			.build();

		publisher.publishAndWait(TOPIC, withdrawn);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(prometheus.scrape())
				.contains("prolo_events_dead_lettered_total{application=\"traced\",topic=\"traced.events\"}")
				.contains("kafka_consumer_fetch_manager_records_lag_max")
				.contains("kafka_producer_record_send_total"));
	}

	@Test
	void theBrokerIsPartOfReadinessAndNotOfLiveness() {
		assertThat(kafkaHealth.health().getStatus()).isEqualTo(Status.UP);
		assertThat(groups.get("readiness").isMember("kafka")).isTrue();
		assertThat(groups.get("readiness").isMember("db")).isTrue();
		assertThat(groups.get("liveness").isMember("kafka")).isFalse();
	}

	private static ReferralClosed closed() {
		return ReferralClosed.newBuilder()
			.setReferralId("R-" + UUID.randomUUID())
			.setClosedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setOutcome("WITHDRAWN")
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Traced {

		@Bean
		Listener listener(Tracer tracer) {
			return new Listener(tracer);
		}

		@KafkaListener(topics = TOPIC, groupId = "traced")
		static class Listener {

			private final Tracer tracer;

			private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();

			Listener(Tracer tracer) {
				this.tracer = tracer;
			}

			@KafkaHandler
			void on(ReferralClosed closed) {
				var span = tracer.currentSpan();
				received.add(new String[] { closed.getReferralId(), (span != null) ? span.context().traceId() : null });
			}

			@KafkaHandler(isDefault = true)
			void other(Object event) {
				throw new UnhandledEventException("This listener does not handle " + event.getClass().getSimpleName());
			}

			/** The trace id the listener saw for this referral's event. */
			String received(String referralId) throws InterruptedException {
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
				while (System.nanoTime() < deadline) {
					String[] next = received.poll(1, TimeUnit.SECONDS);
					if (next != null && next[0].equals(referralId)) {
						return next[1];
					}
				}
				throw new AssertionError("The listener did not receive " + referralId);
			}

		}

	}

}
