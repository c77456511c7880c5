package org.prolo.platform.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Signs the Spring test context that imports it in to the shared test broker as the
 * service it runs ({@code spring.application.name}), standing in for the producers of
 * what the service consumes: {@link TestKafka#signInStandingInForProducers}. The
 * services' test variants on the shared broker import it; those on a Kafka container do
 * not.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedBrokerSignIn {

	@Bean
	static DynamicPropertyRegistrar sharedBrokerSignIn(Environment environment) {
		String service = environment.getRequiredProperty("spring.application.name");
		return registry -> TestKafka.signInStandingInForProducers(registry, service);
	}

}
