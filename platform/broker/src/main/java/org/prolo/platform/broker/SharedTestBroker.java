package org.prolo.platform.broker;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.acl.AclBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ephemeral broker per JVM for tests of other modules.
 *
 * <p>
 * Surefire runs every test class of a module in one JVM and Spring caches several
 * application contexts there; starting a broker per context would cost seconds each and
 * leave brokers running after their context is evicted. The broker starts on first use
 * and stops when the JVM exits.
 *
 * <p>
 * It enforces authentication and ACLs like any other {@link KraftBroker}: tests add the
 * users and ACLs they need with {@link #grant}, and test harness clients (probes,
 * stand-ins for other services) sign in as the super user through
 * {@link #clientConfig(String)}.
 */
public final class SharedTestBroker {

	private static final Logger log = LoggerFactory.getLogger(SharedTestBroker.class);

	private static KraftBroker broker;

	private static final Map<String, String> users = new HashMap<>();

	private static final Set<AclBinding> acls = new HashSet<>();

	private SharedTestBroker() {
	}

	/**
	 * Starts the shared broker if this is the first call in this JVM, and returns its
	 * bootstrap servers (SASL/SCRAM).
	 */
	public static synchronized String bootstrapServers() {
		return broker().bootstrapServers();
	}

	/**
	 * Adds these SCRAM users and ACLs to those already granted in this JVM; returns once
	 * the broker applies them.
	 */
	public static synchronized void grant(Map<String, String> moreUsers, Collection<AclBinding> moreAcls) {
		KraftBroker started = broker();
		if (users.entrySet().containsAll(moreUsers.entrySet()) && acls.containsAll(moreAcls)) {
			return;
		}
		users.putAll(moreUsers);
		acls.addAll(moreAcls);
		started.grant(Map.copyOf(users), Set.copyOf(acls));
	}

	/**
	 * Settings for a test harness client that must see or write any topic: the broker's
	 * super user when {@code bootstrapServers} is this broker, otherwise (a
	 * Testcontainers broker without authentication) just the bootstrap servers.
	 */
	public static synchronized Map<String, Object> clientConfig(String bootstrapServers) {
		if (broker != null && broker.bootstrapServers().equals(bootstrapServers)) {
			return broker.superUserConfig();
		}
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		return config;
	}

	private static KraftBroker broker() {
		if (broker == null) {
			KraftBroker started = KraftBroker.startEphemeral();
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-test-broker-shutdown"));
			log.info("Shared test broker started on {}", started.bootstrapServers());
			broker = started;
		}
		return broker;
	}

}
