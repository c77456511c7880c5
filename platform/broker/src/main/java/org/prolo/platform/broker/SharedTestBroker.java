package org.prolo.platform.broker;

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
 */
public final class SharedTestBroker {

	private static final Logger log = LoggerFactory.getLogger(SharedTestBroker.class);

	private static KraftBroker broker;

	private SharedTestBroker() {
	}

	/**
	 * Starts the shared broker if this is the first call in this JVM, and returns its
	 * bootstrap servers.
	 */
	public static synchronized String bootstrapServers() {
		if (broker == null) {
			KraftBroker started = KraftBroker.startEphemeral();
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-test-broker-shutdown"));
			log.info("Shared test broker started on {}", started.bootstrapServers());
			broker = started;
		}
		return broker.bootstrapServers();
	}

}
