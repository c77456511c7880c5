package org.prolo.notification;

import org.prolo.platform.testing.TestKafka;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The scenario against the in-process broker and an in-memory H2. */
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:notification-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
class NotificationIntegrationTests extends ReferrerLetterScenario {

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "notification");
	}

}
