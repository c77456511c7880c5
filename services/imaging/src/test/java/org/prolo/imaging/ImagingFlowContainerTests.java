package org.prolo.imaging;

import org.prolo.platform.testing.KafkaAndPostgresContainers;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.test.context.TestPropertySource;

/**
 * The scenario against Kafka and PostgreSQL containers; skipped where there is no Docker.
 */
// The throw-away broker in the container has no users to sign in as.
@TestPropertySource(properties = "prolo.kafka.authentication=none")
@Testcontainers(disabledWithoutDocker = true)
@ImportTestcontainers(KafkaAndPostgresContainers.class)
class ImagingFlowContainerTests extends ImagingFlowScenario {

}
