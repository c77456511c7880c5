package org.prolo.notification;

import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.TestKafka;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service's HTTP side through MockMvc: the real letter store on H2 and the embedded
 * SMTP server's mailbox (so the demo profile, explicitly: the mailbox exists only there)
 * behind the production security filter chain, trusting {@link TestTokens}. The test
 * classes that extend it share one Spring context (the configuration, this property
 * source included, is identical). Its Kafka listeners never start, so it cannot join the
 * consumer group "notification" on the shared broker and take another context's records;
 * it may stay cached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
		"spring.kafka.listener.auto-startup=false",
		"spring.datasource.url=jdbc:h2:mem:notification-http-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"prolo.notification.outbox-retry=PT10M" })
@ActiveProfiles("demo")
@AutoConfigureMockMvc
// Tests turn metrics export off unless asked: /actuator/prometheus must exist here.
@AutoConfigureObservability(tracing = false)
@Import(TestTokens.Decoder.class)
abstract class HttpOnlyContext {

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "notification");
		registry.add("prolo.notification.embedded-smtp.port", TestSocketUtils::findAvailableTcpPort);
	}

}
