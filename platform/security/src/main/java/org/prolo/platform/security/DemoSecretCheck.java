package org.prolo.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a service, outside the {@value #DEMO_PROFILE} profile, whose client
 * secrets towards the identity service are missing or are the demo's well-known ones
 * ({@code <client-id>-secret}): anyone who has read the README could otherwise sign in as
 * the service. The demo profile (the launcher's local stack) brings those secrets itself.
 */
public final class DemoSecretCheck implements InitializingBean {

	/** The profile the launcher turns on; nothing else should. */
	public static final String DEMO_PROFILE = "demo";

	/** The identity service's demo clients, whose secret is their id + "-secret". */
	static final Set<String> DEMO_CLIENTS = Set.of("prolo-web", "prolo-cli", "intake", "workflow", "radiology",
			"prometheus");

	static final String LOGIN_SECRET = "PROLO_SECURITY_LOGIN_SECRET";

	static final String CLIENT_SECRET = "PROLO_SECURITY_CLIENT_SECRET";

	private final ProloSecurityProperties properties;

	private final Environment environment;

	public DemoSecretCheck(ProloSecurityProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
			return;
		}
		List<String> problems = problems(this.properties);
		if (!problems.isEmpty()) {
			throw new DemoSecretRefusedException(problems);
		}
	}

	/**
	 * What is wrong with the configured secrets, one sentence each naming the variable to
	 * set; empty when nothing is.
	 */
	static List<String> problems(ProloSecurityProperties properties) {
		List<String> problems = new ArrayList<>();
		check(properties.getLogin(), LOGIN_SECRET, "prolo.security.login.secret", "browser sign-in", problems);
		if (properties.getClient().getId() != null) {
			check(properties.getClient(), CLIENT_SECRET, "prolo.security.client.secret", "client-credentials calls",
					problems);
		}
		return problems;
	}

	private static void check(ProloSecurityProperties.Client client, String variable, String property, String use,
			List<String> problems) {
		String secret = client.getSecret();
		if (secret == null || secret.isBlank()) {
			problems.add("No secret for client '" + client.getId() + "' (" + use + "): set " + variable + " ("
					+ property + ")");
		}
		else if (isDemoSecret(secret, client.getId())) {
			problems.add("Client '" + client.getId() + "' (" + use + ") has the demo secret '" + secret + "': set "
					+ variable + " (" + property + ") to the secret registered at the identity service");
		}
	}

	static boolean isDemoSecret(String secret, String clientId) {
		return secret.equals(clientId + "-secret")
				|| DEMO_CLIENTS.stream().anyMatch(id -> secret.equals(id + "-secret"));
	}

	/**
	 * Start-up refused: the message names every setting to supply (see
	 * {@link DemoSecretFailureAnalyzer}).
	 */
	public static final class DemoSecretRefusedException extends IllegalStateException {

		private final List<String> problems;

		DemoSecretRefusedException(List<String> problems) {
			super("Refusing to start outside the '" + DEMO_PROFILE + "' profile: " + String.join("; ", problems));
			this.problems = List.copyOf(problems);
		}

		public List<String> problems() {
			return this.problems;
		}

	}

}
