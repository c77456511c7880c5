package org.prolo.notification;

import org.prolo.platform.security.testing.HttpOnlyServiceContext;
import org.prolo.platform.testing.TestKafka;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * {@link HttpOnlyServiceContext} signed in to the test broker as notification, with the
 * embedded SMTP server's mailbox (so the demo profile, explicitly: the mailbox exists
 * only there).
 */
@TestPropertySource(properties = "prolo.notification.outbox-retry=PT10M")
@ActiveProfiles("demo")
abstract class HttpOnlyContext extends HttpOnlyServiceContext {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "notification");
		registry.add("prolo.notification.embedded-smtp.port", TestSocketUtils::findAvailableTcpPort);
	}

}
