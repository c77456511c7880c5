package org.prolo.timeline;

import org.prolo.platform.security.testing.HttpOnlyServiceContext;
import org.prolo.platform.testing.TestKafka;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link HttpOnlyServiceContext} signed in to the test broker as timeline. */
abstract class HttpOnlyContext extends HttpOnlyServiceContext {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestKafka.signInStandingInForProducers(registry, "timeline");
	}

}
