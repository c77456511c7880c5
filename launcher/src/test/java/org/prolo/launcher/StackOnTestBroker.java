package org.prolo.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.prolo.platform.broker.KraftBroker;

/**
 * What the test stacks ({@link CrashStack}, {@link ReplicaStack}) are run on: the service
 * jars under a root, a data directory, and the launcher's demo broker in the test's JVM
 * on a free port.
 */
abstract class StackOnTestBroker implements AutoCloseable {

	/** Where the jars run from: a copy of the repository's, see {@link JarSnapshot}. */
	final Path root;

	final Path dataDir;

	final int kafkaPort = StackProcesses.freePort();

	final Path java = Path.of(System.getProperty("java.home"), "bin", "java");

	volatile KraftBroker broker;

	StackOnTestBroker(Path root, Path dataDir) {
		this.root = root;
		this.dataDir = dataDir;
	}

	/** Starts the broker, on the stack's port and with its data under the stack's. */
	void startBroker() {
		broker = DemoKafka.start(dataDir.resolve("kafka"), kafkaPort);
	}

	/**
	 * Settings for the test's own clients, which must see every topic and group: the
	 * broker's super user.
	 */
	Map<String, Object> clientConfig() {
		return broker.superUserConfig();
	}

	String bootstrapServers() {
		return "127.0.0.1:" + kafkaPort;
	}

}
