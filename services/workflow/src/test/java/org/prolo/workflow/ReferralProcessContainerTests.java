package org.prolo.workflow;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The same scenarios against a Kafka and a PostgreSQL container; skipped without Docker.
 */
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
