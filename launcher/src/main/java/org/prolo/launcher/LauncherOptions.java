package org.prolo.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The launcher's command line. */
record LauncherOptions(int kafkaPort, int seed, Duration timeout, boolean exitWhenReady, boolean help, String dataDir,
		boolean autoReport, boolean postgres, boolean fullJit, String identityProvider) {

	static final int DEFAULT_KAFKA_PORT = 9092;
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

	static final String USAGE = """
			Usage: Launcher [options]
			  --kafka-port N      port of the in-process Kafka broker (default 9092)
			  --seed N            after start-up, submit N demo referrals to intake, signed in as dr-ada and
			                      dr-ben in turn (default 0)
			  --timeout SECONDS   how long to wait for all services to become healthy (default 180)
			  --exit-when-ready   stop everything and exit 0 once all services are healthy
			  --data-dir PATH     where the broker, the databases and the logs live (default <repo>/.local)
			  --no-auto-report    imaging does not report orders by itself (every service runs with the demo
			                      profile: demo users and secrets, auto-report, in-process SMTP, no submission limit)
			  --postgres          run every service with its postgres profile (databases prolo_<service> on
			                      POSTGRES_HOST:POSTGRES_PORT, which must exist) instead of H2 files
			  --full-jit          run the services with the JVM's full tiered JIT (C1 and C2): slower start,
			                      more throughput under load (default: C1 only, which starts fastest)
			  --identity-provider ISSUER
			                      trust this OpenID Connect provider (its issuer URL, e.g. a Keycloak realm's
			                      http://localhost:8180/realms/prolo) instead of starting the built-in identity
			                      service; its endpoints come from its discovery document, and it must know the
			                      product's clients with the demo secrets (ops/keycloak/prolo-realm.json does)
			  --help              show this text
			Options take their value as the next argument or after '=' (--seed=3).""";

	static LauncherOptions defaults() {
		return new LauncherOptions(DEFAULT_KAFKA_PORT, 0, DEFAULT_TIMEOUT, false, false, null, true, false, false,
				null);
	}

	/**
	 * Parses the arguments.
	 * @throws IllegalArgumentException with a message fit for the user when an argument
	 * is unknown or malformed
	 */
	static LauncherOptions parse(String... args) {
		List<String> tokens = tokenize(args);
		int kafkaPort = DEFAULT_KAFKA_PORT;
		int seed = 0;
		Duration timeout = DEFAULT_TIMEOUT;
		boolean exitWhenReady = false;
		boolean help = false;
		String dataDir = null;
		boolean autoReport = true;
		boolean postgres = false;
		boolean fullJit = false;
		String identityProvider = null;
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			String name = token;
			String inlineValue = null;
			int equals = token.indexOf('=');
			if (token.startsWith("--") && equals > 0) {
				name = token.substring(0, equals);
				inlineValue = token.substring(equals + 1);
			}
			switch (name) {
				case "--kafka-port" -> {
					String value = inlineValue != null ? inlineValue : valueAfter(tokens, i++, name);
					kafkaPort = integer(name, value, 1, 65535);
				}
				case "--seed" -> {
					String value = inlineValue != null ? inlineValue : valueAfter(tokens, i++, name);
					seed = integer(name, value, 0, 10_000);
				}
				case "--timeout" -> {
					String value = inlineValue != null ? inlineValue : valueAfter(tokens, i++, name);
					timeout = Duration.ofSeconds(integer(name, value, 1, 86_400));
				}
				case "--exit-when-ready" -> exitWhenReady = flag(name, inlineValue);
				case "--no-auto-report" -> autoReport = !flag(name, inlineValue);
				case "--postgres" -> postgres = flag(name, inlineValue);
				case "--full-jit" -> fullJit = flag(name, inlineValue);
				case "--identity-provider" ->
					identityProvider = issuer(name, inlineValue != null ? inlineValue : valueAfter(tokens, i++, name));
				case "--data-dir" -> dataDir = inlineValue != null ? inlineValue : valueAfter(tokens, i++, name);
				case "--help", "-h" -> help = flag(name, inlineValue);
				default -> throw new IllegalArgumentException("Unknown argument '" + token + "'");
			}
		}
		if (identityProvider != null && seed > 0) {
			// The seed signs the demo physicians in with the built-in service's password
			// form, which another provider does not have.
			throw new IllegalArgumentException("--seed needs the built-in identity service, not --identity-provider");
		}
		return new LauncherOptions(kafkaPort, seed, timeout, exitWhenReady, help, dataDir, autoReport, postgres,
				fullJit, identityProvider);
	}

	private static String issuer(String name, String value) {
		if (!value.startsWith("http://") && !value.startsWith("https://")) {
			throw new IllegalArgumentException(
					name + " needs the provider's issuer URL (http:// or https://), not '" + value + "'");
		}
		return value;
	}

	/**
	 * Splits every argument on whitespace, because Maven's up profile hands the whole of
	 * {@code -Dlauncher.args} over as a single argument (and an empty one when it is not
	 * set).
	 */
	private static List<String> tokenize(String... args) {
		List<String> tokens = new ArrayList<>();
		for (String arg : args) {
			if (arg == null) {
				continue;
			}
			for (String token : arg.trim().split("\\s+")) {
				if (!token.isEmpty()) {
					tokens.add(token);
				}
			}
		}
		return tokens;
	}

	private static String valueAfter(List<String> tokens, int index, String name) {
		if (index + 1 >= tokens.size() || tokens.get(index + 1).startsWith("--")) {
			throw new IllegalArgumentException(name + " needs a value");
		}
		return tokens.get(index + 1);
	}

	private static boolean flag(String name, String inlineValue) {
		if (inlineValue != null) {
			throw new IllegalArgumentException(name + " takes no value");
		}
		return true;
	}

	private static int integer(String name, String value, int min, int max) {
		int parsed;
		try {
			parsed = Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
		}
		if (parsed < min || parsed > max) {
			throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + parsed);
		}
		return parsed;
	}
}
