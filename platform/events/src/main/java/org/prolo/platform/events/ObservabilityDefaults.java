package org.prolo.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The observability settings every service shares, given once here rather than in six
 * application.yml files (and rather than in an application-json.yml, which two jars on
 * one classpath would both carry). They are defaults: a service's own configuration
 * overrides each of them.
 * <ul>
 * <li>probes: liveness is the application's state only; readiness adds the database and
 * the broker</li>
 * <li>every request, Kafka send and Kafka listener is traced (W3C traceparent), and every
 * log line carries the trace and span id</li>
 * <li>with the profile {@code json}, log lines are Elastic Common Schema JSON</li>
 * </ul>
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor, Ordered {

	public static final String JSON_PROFILE = "json";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("management.endpoint.health.probes.enabled", true);
		defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
		defaults.put("management.endpoint.health.group.readiness.include", "readinessState,db,kafka");
		defaults.put("management.endpoint.health.group.readiness.show-components", "always");
		// A test context without a database or broker has no such indicator; that is no
		// reason to fail.
		defaults.put("management.endpoint.health.validate-group-membership", false);
		defaults.put("management.tracing.sampling.probability", 1.0);
		defaults.put("management.metrics.tags.application", "${spring.application.name:unknown}");
		defaults.put("spring.kafka.template.observation-enabled", true);
		defaults.put("spring.kafka.listener.observation-enabled", true);
		defaults.put("logging.pattern.correlation", "[%X{traceId:-},%X{spanId:-}] ");
		if (environment.acceptsProfiles(Profiles.of(JSON_PROFILE))) {
			defaults.put("logging.structured.format.console", "ecs");
			defaults.put("logging.structured.ecs.service.name", "${spring.application.name:unknown}");
		}
		environment.getPropertySources().addLast(new MapPropertySource("proloObservabilityDefaults", defaults));
	}

	/** After the config data, so the active profiles are known. */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
