package org.prolo.workflow;

import org.prolo.platform.testing.KafkaAndPostgresContainers;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.test.context.TestPropertySource;

/**
 * The same scenarios against a Kafka and a PostgreSQL container; skipped without Docker.
 */
// The throw-away broker in the container has no users to sign in as, nor the other
// services to declare their topics.
@TestPropertySource(properties = { "prolo.kafka.authentication=none",
		"prolo.events.owned-topics=workflow.referral-events,intake.referral-events,imaging.imaging-events" })
@Testcontainers(disabledWithoutDocker = true)
@ImportTestcontainers(KafkaAndPostgresContainers.class)
class ReferralProcessContainerTests extends ReferralProcessScenarios {

}
