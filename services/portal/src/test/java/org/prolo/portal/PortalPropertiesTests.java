package org.prolo.portal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class PortalPropertiesTests {

	@Test
	void takesIntakesUrlFromTheEnvironmentAsDockerComposeSetsIt() {
		var environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("PORTAL_INTAKE_URL", "http://intake:8081")));

		PortalProperties properties = Binder.get(environment).bindOrCreate("portal", PortalProperties.class);

		assertThat(properties.intakeUrl()).isEqualTo(URI.create("http://intake:8081"));
		assertThat(properties.intakeReadTimeout()).isEqualTo(Duration.ofSeconds(10));
	}

}
