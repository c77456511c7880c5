package org.prolo.notification;

import org.prolo.platform.testing.KafkaAndPostgresContainers;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.test.context.TestPropertySource;

/** The scenario against a real Kafka and PostgreSQL; skipped where there is no Docker. */
// The throw-away broker in the container has no users to sign in as, nor the other
// services to declare their topics.
@TestPropertySource(properties = { "prolo.kafka.authentication=none",
		"prolo.events.owned-topics=notification.referrer-events,intake.referral-events,workflow.referral-events,scheduling.appointment-events,imaging.imaging-events" })
@Testcontainers(disabledWithoutDocker = true)
@ImportTestcontainers(KafkaAndPostgresContainers.class)
class NotificationContainerTests extends ReferrerLetterScenario {

}
