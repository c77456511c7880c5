package org.prolo.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;

import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * How a service signs in to the broker, from the {@code prolo.kafka.*} settings, written
 * once here for every service:
 * <ul>
 * <li>{@code prolo.kafka.authentication}: {@code scram} (the default): SASL with
 * {@code prolo.kafka.username} (default: {@code spring.application.name}) and
 * {@code prolo.kafka.password}, over {@code SASL_PLAINTEXT} unless
 * {@code spring.kafka.security.protocol} says {@code SASL_SSL}; {@code mtls}: a client
 * certificate from {@code spring.kafka.ssl.*}; {@code none}: a broker without
 * authentication (a throw-away Testcontainers broker), by explicit choice only</li>
 * <li>{@code prolo.kafka.mechanism}: {@code SCRAM-SHA-512} unless the cluster uses
 * another SASL mechanism</li>
 * </ul>
 * Outside the {@value #DEMO_PROFILE} profile a service refuses to start when the password
 * is missing or one of the demo's well-known ones, naming the setting to supply, as
 * {@code DemoSecretCheck} does for the identity service's secrets.
 */
public final class KafkaSignIn {

	/** The profile the launcher turns on; nothing else should. */
	public static final String DEMO_PROFILE = "demo";

	static final String PASSWORD_VARIABLE = "PROLO_KAFKA_PASSWORD";

	public enum Authentication {

		SCRAM, MTLS, NONE

	}

	private final Authentication authentication;

	private final String username;

	private final String password;

	private final String mechanism;

	private final boolean demo;

	KafkaSignIn(Authentication authentication, String username, String password, String mechanism, boolean demo) {
		this.authentication = authentication;
		this.username = username;
		this.password = password;
		this.mechanism = mechanism;
		this.demo = demo;
	}

	static KafkaSignIn from(Environment environment) {
		Binder binder = Binder.get(environment);
		Authentication authentication = binder.bind("prolo.kafka.authentication", Authentication.class)
			.orElse(Authentication.SCRAM);
		String username = binder.bind("prolo.kafka.username", String.class)
			.orElseGet(() -> environment.getProperty("spring.application.name"));
		String password = binder.bind("prolo.kafka.password", String.class).orElse(null);
		String mechanism = binder.bind("prolo.kafka.mechanism", String.class).orElse("SCRAM-SHA-512");
		return new KafkaSignIn(authentication, username, password, mechanism,
				environment.acceptsProfiles(Profiles.of(DEMO_PROFILE)));
	}

	/**
	 * Adds the sign-in to Boot's Kafka settings, which every producer, consumer, admin
	 * client and health check of the service is built from; settings given explicitly
	 * under {@code spring.kafka.*} win.
	 * @throws KafkaSignInRefusedException outside the demo profile, when the sign-in is
	 * missing or uses a demo secret
	 */
	void applyTo(KafkaProperties kafka) {
		List<String> problems = problems(kafka);
		if (!problems.isEmpty() && !demo) {
			throw new KafkaSignInRefusedException(problems);
		}
		switch (authentication) {
			case SCRAM -> {
				if (kafka.getSecurity().getProtocol() == null) {
					kafka.getSecurity().setProtocol("SASL_PLAINTEXT");
				}
				kafka.getProperties().putIfAbsent(SaslConfigs.SASL_MECHANISM, mechanism);
				if (password != null) {
					kafka.getProperties().putIfAbsent(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
				}
			}
			case MTLS -> {
				if (kafka.getSecurity().getProtocol() == null) {
					kafka.getSecurity().setProtocol("SSL");
				}
			}
			case NONE -> {
			}
		}
	}

	/**
	 * What is wrong with the sign-in for a deployment, one sentence each naming the
	 * setting to supply; empty when nothing is.
	 */
	List<String> problems(KafkaProperties kafka) {
		List<String> problems = new ArrayList<>();
		// A JAAS configuration given explicitly (a cluster's own secret, as Strimzi's
		// KafkaUser provides it) is the sign-in; the user name and password are not used.
		boolean explicitJaas = kafka.getProperties().containsKey(SaslConfigs.SASL_JAAS_CONFIG);
		if (authentication == Authentication.SCRAM && explicitJaas) {
			jaasProblem(String.valueOf(kafka.getProperties().get(SaslConfigs.SASL_JAAS_CONFIG)))
				.ifPresent(problems::add);
		}
		if (authentication == Authentication.SCRAM && !explicitJaas) {
			if (username == null || username.isBlank()) {
				problems.add("No Kafka user name: set PROLO_KAFKA_USERNAME (prolo.kafka.username)");
			}
			if (password == null || password.isBlank()) {
				problems.add("No Kafka password for user '" + username + "': set " + PASSWORD_VARIABLE
						+ " (prolo.kafka.password)");
			}
			else if (KafkaAccess.isDemoPassword(password)) {
				problems.add("Kafka user '" + username + "' has a demo password: set " + PASSWORD_VARIABLE
						+ " (prolo.kafka.password) to the password of its SCRAM user on the cluster");
			}
		}
		else if (authentication == Authentication.MTLS) {
			KafkaProperties.Ssl ssl = kafka.getSsl();
			if (ssl.getBundle() == null && ssl.getKeyStoreLocation() == null && ssl.getKeyStoreKey() == null) {
				problems.add("prolo.kafka.authentication is mtls but there is no client certificate: set"
						+ " spring.kafka.ssl.bundle or spring.kafka.ssl.key-store-location");
			}
		}
		return problems;
	}

	/**
	 * Reads the explicit JAAS configuration as Kafka's own client would (any quoting), so
	 * a demo password in it is found however it is written.
	 */
	private static Optional<String> jaasProblem(String jaas) {
		try {
			JaasContext context = JaasContext
				.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaas)));
			for (AppConfigurationEntry entry : context.configurationEntries()) {
				Object given = entry.getOptions().get("password");
				if (given != null && KafkaAccess.isDemoPassword(given.toString())) {
					return Optional.of("The Kafka JAAS configuration has a demo password: set"
							+ " spring.kafka.properties.sasl.jaas.config to the cluster's own");
				}
			}
			return Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("spring.kafka.properties.sasl.jaas.config cannot be read: " + ex.getMessage());
		}
	}

	private String jaasConfig() {
		String module = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
				: "org.apache.kafka.common.security.plain.PlainLoginModule";
		return module + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";";
	}

	private static String quoted(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	/**
	 * Start-up refused: the message names every setting to supply (see
	 * {@link KafkaSignInFailureAnalyzer}).
	 */
	public static final class KafkaSignInRefusedException extends IllegalStateException {

		private final List<String> problems;

		KafkaSignInRefusedException(List<String> problems) {
			super("Refusing to start outside the '" + DEMO_PROFILE + "' profile: " + String.join("; ", problems));
			this.problems = List.copyOf(problems);
		}

		public List<String> problems() {
			return problems;
		}

	}

}
