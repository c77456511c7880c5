package org.prolo.notification;

import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The scenario against the in-process broker and an in-memory H2. */
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:notification-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@Import(SharedBrokerSignIn.class)
class NotificationIntegrationTests extends ReferrerLetterScenario {

}
