package org.prolo.platform.testing;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The Kafka and PostgreSQL containers of the services' Testcontainers variants: a test
 * class that runs its scenario on them says
 * {@code @ImportTestcontainers(KafkaAndPostgresContainers.class)}, which starts them with
 * its context and connects the context to them, with
 * {@code @Testcontainers(disabledWithoutDocker = true)} so that it skips where no Docker
 * engine runs. The throw-away broker has no users to sign in as: such a context sets
 * {@code prolo.kafka.authentication=none}.
 *
 * @see ImportTestcontainers
 */
public interface KafkaAndPostgresContainers {

	@ServiceConnection
	KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");

	@ServiceConnection
	PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");

}
