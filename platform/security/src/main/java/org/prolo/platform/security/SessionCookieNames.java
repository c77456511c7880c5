package org.prolo.platform.security;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each service its own session cookie name. Cookies are not scoped by port, so with
 * every service on localhost a shared JSESSIONID would sign a user out of one service
 * whenever they open another.
 */
class SessionCookieNames implements EnvironmentPostProcessor {

	static final String PROPERTY = "server.servlet.session.cookie.name";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty(PROPERTY)) {
			String name = "PROLO_" + serviceName(environment).toUpperCase(Locale.ROOT).replace('-', '_') + "_SESSION";
			environment.getPropertySources()
				.addLast(new MapPropertySource("proloSessionCookie", Map.of(PROPERTY, name)));
		}
	}

	static String serviceName(Environment environment) {
		return environment.getProperty("spring.application.name",
				"port" + environment.getProperty("server.port", "8080"));
	}

}
