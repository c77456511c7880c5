package org.prolo.timeline;

import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The scenario against the in-process broker and an in-memory H2. */
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:timeline-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@Import(SharedBrokerSignIn.class)
class TimelineIntegrationTests extends TimelineScenario {

	@Override
	String bootstrapServers() {
		return SharedTestBroker.bootstrapServers();
	}

}
