package org.prolo.platform.events;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityDefaultsTests {

	@Test
	void logsEcsJsonOnlyWithTheJsonProfile() {
		var plain = new MockEnvironment();
		var json = new MockEnvironment();
		json.setActiveProfiles("postgres", "json");

		new ObservabilityDefaults().postProcessEnvironment(plain, new SpringApplication());
		new ObservabilityDefaults().postProcessEnvironment(json, new SpringApplication());

		assertThat(plain.getProperty("logging.structured.format.console")).isNull();
		assertThat(json.getProperty("logging.structured.format.console")).isEqualTo("ecs");
		assertThat(plain.getProperty("logging.pattern.correlation")).contains("%X{traceId").contains("%X{spanId");
	}

	@Test
	void aServicesOwnSettingWinsOverTheDefault() {
		var environment = new MockEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.yml",
					java.util.Map.of("management.tracing.sampling.probability", "0.1")));

		new ObservabilityDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
			.isEqualTo("readinessState,db,kafka");
	}

}
