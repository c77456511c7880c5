package org.prolo.platform.testing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import org.prolo.platform.broker.KraftBroker;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.events.KafkaAccess;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Signs tests in to the shared test broker as a service's own principal, with the ACLs of
 * its row in {@link KafkaAccess}, so every service test runs against the same
 * authorization as production. Passwords are made up per JVM (never the demo's, which a
 * service refuses outside the demo profile). The topics every service produces exist from
 * the first sign-in on, as they would in a running product.
 */
public final class TestKafka {

	private static final Map<String, String> passwords = new HashMap<>();

	private TestKafka() {
	}

	/**
	 * Signs a Spring test context in as this service (its row in {@link KafkaAccess}).
	 */
	public static void signIn(DynamicPropertyRegistry registry, String principal) {
		signIn(registry, row(principal));
	}

	/**
	 * Signs a Spring test context in as this service, which may also write the topics it
	 * consumes: for a test whose context publishes, with the service's own
	 * EventPublisher, the events the producers of those topics would. The rights of the
	 * service alone are {@link KafkaAccess}'s, which ForgedEventTests and
	 * KafkaAccessTests hold to account.
	 */
	public static void signInStandingInForProducers(DynamicPropertyRegistry registry, String principal) {
		KafkaAccess service = row(principal);
		List<String> writes = new ArrayList<>(service.produces());
		writes.addAll(service.consumes());
		signIn(registry, new KafkaAccess(principal, writes, service.consumes(), service.groups(),
				service.inspectsDeadLetters()));
	}

	/** Signs a Spring test context in as a principal with exactly these rights. */
	public static void signIn(DynamicPropertyRegistry registry, KafkaAccess access) {
		String password = grant(access);
		registry.add("spring.kafka.bootstrap-servers", SharedTestBroker::bootstrapServers);
		registry.add("prolo.kafka.username", access::principal);
		registry.add("prolo.kafka.password", () -> password);
	}

	/** The same as command-line arguments, for a service started with its main class. */
	public static List<String> arguments(String principal) {
		String password = grant(row(principal));
		List<String> arguments = new ArrayList<>();
		arguments.add("--spring.kafka.bootstrap-servers=" + SharedTestBroker.bootstrapServers());
		arguments.add("--prolo.kafka.username=" + principal);
		arguments.add("--prolo.kafka.password=" + password);
		return arguments;
	}

	/**
	 * The password of this service's principal on the shared test broker, granting its
	 * ACLs first.
	 */
	public static String password(String principal) {
		return grant(row(principal));
	}

	/** Settings for a plain Kafka client signed in as this principal. */
	public static Map<String, Object> clientConfig(String principal) {
		return clientConfig(row(principal));
	}

	/** Settings for a plain Kafka client signed in as a principal with these rights. */
	public static Map<String, Object> clientConfig(KafkaAccess access) {
		String password = grant(access);
		return KraftBroker.clientConfig(SharedTestBroker.bootstrapServers(), access.principal(), password);
	}

	/**
	 * Settings for a client that signs in as {@code principal} with a SCRAM user of its
	 * own but no ACL at all.
	 */
	public static Map<String, Object> strangerConfig(String principal) {
		return clientConfig(new KafkaAccess(principal, List.of(), List.of(), List.of()));
	}

	private static synchronized String grant(KafkaAccess access) {
		if (passwords.isEmpty()) {
			declareProductTopics();
		}
		String password = passwords.computeIfAbsent(access.principal(), principal -> newPassword());
		SharedTestBroker.grant(Map.of(access.principal(), password), access.aclBindings());
		return password;
	}

	/**
	 * Each service declares the topics it produces; a test runs one service, so the
	 * others' topics are declared here, as the broker's super user.
	 */
	private static void declareProductTopics() {
		List<NewTopic> topics = KafkaAccess.SERVICES.stream()
			.flatMap(access -> access.produces().stream())
			.distinct()
			.map(topic -> new NewTopic(topic, 3, (short) 1))
			.toList();
		try (Admin admin = Admin.create(SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers()))) {
			Set<String> existing = admin.listTopics().names().get();
			admin.createTopics(topics.stream().filter(topic -> !existing.contains(topic.name())).toList()).all().get();
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("Cannot declare the product's topics on the test broker", e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static KafkaAccess row(String principal) {
		return KafkaAccess.of(principal)
			.orElseThrow(() -> new IllegalArgumentException("No Kafka principal '" + principal + "' in KafkaAccess"));
	}

	private static String newPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
