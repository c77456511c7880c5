package org.prolo.platform.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker running in KRaft combined mode (broker and controller in one
 * node) inside this JVM.
 *
 * <p>
 * It is Kafka's own {@link KafkaRaftServer}, not a fake, so topics, consumer groups and
 * transactions behave as in production; it simply has one node, replication factor 1
 * everywhere and small thread and buffer settings so that it fits next to six Spring Boot
 * services on a two-core machine.
 */
public final class KraftBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KraftBroker.class);

	private static final int NODE_ID = 1;

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	private static final String HOST = "127.0.0.1";

	private final KafkaRaftServer server;

	private final Path dataDir;

	private final boolean deleteOnClose;

	private final String bootstrapServers;

	private final AtomicBoolean closed = new AtomicBoolean();

	private KraftBroker(KafkaRaftServer server, Path dataDir, boolean deleteOnClose, int port) {
		this.server = server;
		this.dataDir = dataDir;
		this.deleteOnClose = deleteOnClose;
		this.bootstrapServers = HOST + ":" + port;
	}

	/**
	 * Starts a broker whose data lives in {@code dataDir}; the directory is formatted
	 * only the first time, so topics and records survive a restart on the same directory.
	 * @param port the PLAINTEXT port on 127.0.0.1, or 0 for any free port
	 * @throws IllegalStateException if the port is already taken
	 */
	public static KraftBroker start(Path dataDir, int port) {
		return start(dataDir, port, false);
	}

	/**
	 * Starts a broker on free ports with a fresh temporary directory that is deleted
	 * again on {@link #close()}.
	 */
	public static KraftBroker startEphemeral() {
		Path dir;
		try {
			dir = Files.createTempDirectory("kraft-broker-");
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create a temporary directory for the broker", e);
		}
		try {
			return start(dir, 0, true);
		}
		catch (RuntimeException e) {
			deleteRecursively(dir);
			throw e;
		}
	}

	private static KraftBroker start(Path dataDir, int requestedPort, boolean deleteOnClose) {
		long started = System.nanoTime();
		int port = requestedPort == 0 ? freePort() : requireFree(requestedPort);
		int controllerPort = freePort();
		Path logDir = dataDir.toAbsolutePath().normalize();
		try {
			Files.createDirectories(logDir);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create broker data directory " + logDir, e);
		}

		KafkaConfig config = new KafkaConfig(configFor(logDir, port, controllerPort), false);
		formatIfNeeded(config, logDir);

		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		try {
			// Returns once the broker has registered with its controller and been
			// unfenced, so it accepts clients.
			server.startup();
		}
		catch (RuntimeException e) {
			// A half-started server still holds the log-dir lock and sockets; release
			// them before giving up.
			server.shutdown();
			server.awaitShutdown();
			throw new IllegalStateException(
					"Kafka broker failed to start on " + HOST + ":" + port + " with data in " + logDir, e);
		}
		log.info("Kafka broker up on {}:{} (controller {}, data {}) in {} ms", HOST, port, controllerPort, logDir,
				(System.nanoTime() - started) / 1_000_000);
		return new KraftBroker(server, logDir, deleteOnClose, port);
	}

	static Properties configFor(Path logDir, int port, int controllerPort) {
		Properties props = new Properties();
		props.put("process.roles", "broker,controller");
		props.put("node.id", String.valueOf(NODE_ID));
		// A static voter set keeps formatting simple and lets the controller port change
		// between restarts.
		props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
		props.put("controller.listener.names", CONTROLLER_LISTENER);
		props.put("listeners",
				"PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
		props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("log.dirs", logDir.toString());

		// Topics are declared by the services; a typo must fail loudly instead of
		// creating a stray topic.
		props.put("auto.create.topics.enable", "false");
		props.put("num.partitions", "3");
		props.put("default.replication.factor", "1");
		props.put("min.insync.replicas", "1");
		props.put("offsets.topic.replication.factor", "1");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		// Fifty partitions per internal topic (the default) costs seconds and file
		// handles for no benefit on one node.
		props.put("offsets.topic.num.partitions", "5");
		props.put("transaction.state.log.num.partitions", "5");
		// Consumers in tests and demos should not sit out the default three-second join
		// delay.
		props.put("group.initial.rebalance.delay.ms", "0");

		// The broker shares two cores and the heap with six services, so it gets few
		// threads and small buffers.
		props.put("num.network.threads", "2");
		props.put("num.io.threads", "2");
		props.put("background.threads", "2");
		props.put("num.recovery.threads.per.data.dir", "1");
		props.put("num.replica.fetchers", "1");
		props.put("log.cleaner.threads", "1");
		props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
		props.put("log.cleaner.io.buffer.size", String.valueOf(64 * 1024));
		props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
		props.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
		props.put("socket.request.max.bytes", String.valueOf(16 * 1024 * 1024));
		return props;
	}

	/**
	 * Formats the directories as {@code kafka-storage.sh format} would, unless a previous
	 * run already did.
	 */
	private static void formatIfNeeded(KafkaConfig config, Path logDir) {
		if (Files.exists(logDir.resolve("meta.properties"))) {
			log.debug("Broker data directory {} is already formatted; keeping its data", logDir);
			return;
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			new Formatter().setPrintStream(printStream)
				.setNodeId(config.nodeId())
				.setClusterId(Uuid.randomUuid().toString())
				.setUnstableFeatureVersionsEnabled(config.unstableFeatureVersionsEnabled())
				.setIgnoreFormatted(false)
				.setControllerListenerName(CONTROLLER_LISTENER)
				.setMetadataLogDirectory(config.metadataLogDir())
				.addDirectory(logDir.toString())
				.run();
		}
		catch (Exception e) {
			throw new IllegalStateException("Cannot format Kafka data directory " + logDir + ": "
					+ output.toString(StandardCharsets.UTF_8).strip(), e);
		}
		log.info("Formatted Kafka data directory {}: {}", logDir, output.toString(StandardCharsets.UTF_8).strip());
	}

	/** The value for a client's {@code bootstrap.servers}. */
	public String bootstrapServers() {
		return bootstrapServers;
	}

	Path dataDir() {
		return dataDir;
	}

	/**
	 * Shuts the broker down cleanly and waits for it; an ephemeral broker's directory is
	 * deleted afterwards.
	 */
	@Override
	public void close() {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		log.info("Stopping Kafka broker on {}", bootstrapServers);
		server.shutdown();
		server.awaitShutdown();
		if (deleteOnClose) {
			deleteRecursively(dataDir);
		}
		log.info("Kafka broker on {} stopped", bootstrapServers);
	}

	private static int requireFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (BindException e) {
			throw new IllegalStateException("Port " + port + " on " + HOST
					+ " is already in use; is another broker (or another launcher) running?", e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot check whether port " + port + " is free", e);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot find a free port", e);
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			// Leaving a temp directory behind must not turn a clean shutdown into a
			// failure.
			log.warn("Could not delete broker directory {}", dir, e);
		}
	}

}
