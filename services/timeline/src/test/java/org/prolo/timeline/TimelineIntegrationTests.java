package org.prolo.timeline;

import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.testing.TestKafka;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The scenario against the in-process broker and an in-memory H2. */
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:timeline-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
class TimelineIntegrationTests extends TimelineScenario {

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "timeline");
	}

	@Override
	String bootstrapServers() {
		return SharedTestBroker.bootstrapServers();
	}

}
