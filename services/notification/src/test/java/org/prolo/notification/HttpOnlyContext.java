package org.prolo.notification;

import org.prolo.platform.security.testing.HttpOnlyServiceContext;
import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.context.annotation.Import;
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
@Import(SharedBrokerSignIn.class)
abstract class HttpOnlyContext extends HttpOnlyServiceContext {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("prolo.notification.embedded-smtp.port", TestSocketUtils::findAvailableTcpPort);
	}

}
