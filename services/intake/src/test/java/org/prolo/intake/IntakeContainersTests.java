package org.prolo.intake;

import org.prolo.platform.testing.KafkaAndPostgresContainers;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.test.context.TestPropertySource;

/**
 * The same scenario against a real Kafka and PostgreSQL in containers; skipped without
 * Docker.
 */
// The throw-away broker in the container has no users to sign in as.
@TestPropertySource(properties = "prolo.kafka.authentication=none")
@Testcontainers(disabledWithoutDocker = true)
@ImportTestcontainers(KafkaAndPostgresContainers.class)
class IntakeContainersTests extends IntakeScenario {

}
