package org.prolo.scheduling;

import org.prolo.platform.testing.TestKafka;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The waiting-list scenario against the shared in-process broker and an in-memory H2. */
class WaitingListTests extends WaitingListScenario {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "scheduling");
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:mem:scheduling-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
	}

}
