package org.prolo.workflow;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.TestPropertySource;

/**
 * The same scenarios against a Kafka and a PostgreSQL container; skipped without Docker.
 */
// The throw-away broker in the container has no users to sign in as, nor the other
// services to declare their topics.
@TestPropertySource(properties = { "prolo.kafka.authentication=none",
		"prolo.events.owned-topics=workflow.referral-events,intake.referral-events,imaging.imaging-events" })
@Testcontainers(disabledWithoutDocker = true)
class ReferralProcessContainerTests extends ReferralProcessScenarios {

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
