package org.prolo.notification;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.TestPropertySource;

/** The scenario against a real Kafka and PostgreSQL; skipped where there is no Docker. */
// The throw-away broker in the container has no users to sign in as, nor the other
// services to declare their topics.
@TestPropertySource(properties = { "prolo.kafka.authentication=none",
		"prolo.events.owned-topics=notification.referrer-events,intake.referral-events,workflow.referral-events,scheduling.appointment-events,imaging.imaging-events" })
@Testcontainers(disabledWithoutDocker = true)
class NotificationContainerTests extends ReferrerLetterScenario {

	@Container
	@ServiceConnection
	static KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");

	@Container
	@ServiceConnection
	static PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");

	@Override
	String bootstrapServers() {
		return kafka.getBootstrapServers();
	}

}
