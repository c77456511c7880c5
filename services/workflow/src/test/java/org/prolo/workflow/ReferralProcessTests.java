package org.prolo.workflow;

import org.prolo.platform.testing.TestKafka;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The referral scenarios against the shared in-process broker and an in-memory H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:workflow-${random.uuid};DB_CLOSE_DELAY=-1")
class ReferralProcessTests extends ReferralProcessScenarios {

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "workflow");
	}

}
