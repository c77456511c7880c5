package org.prolo.imaging;

import org.prolo.platform.testing.TestKafka;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scenario against the shared in-process broker and an in-memory H2. */
class ImagingFlowTests extends ImagingFlowScenario {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "imaging");
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:mem:imaging-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
	}

}
