package org.prolo.scheduling;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.TestPropertySource;

/**
 * The scenario against Kafka and PostgreSQL containers; skipped where there is no Docker.
 */
// The throw-away broker in the container has no users to sign in as.
@TestPropertySource(properties = "prolo.kafka.authentication=none")
@Testcontainers(disabledWithoutDocker = true)
class SchedulingFlowContainerTests extends SchedulingFlowScenario {

	@Container
	@ServiceConnection
	static KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");

	@Container
	@ServiceConnection
	static PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");

}
