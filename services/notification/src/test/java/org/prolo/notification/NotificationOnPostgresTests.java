package org.prolo.notification;

import org.prolo.platform.events.LocalPostgresContext;
import org.prolo.platform.testing.TestKafka;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scenario on PostgreSQL, the production database: {@link LocalPostgresContext}.
 * Fails, rather than skips, without a server: the only proof the migrations and SQL run
 * there.
 */
@ActiveProfiles("postgres")
@Import(LocalPostgresContext.class)
class NotificationOnPostgresTests extends ReferrerLetterScenario {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "notification");
	}

}
