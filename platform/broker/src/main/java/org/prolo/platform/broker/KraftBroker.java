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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
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
 *
 * <p>
 * It enforces what a production cluster should: clients sign in with SASL/SCRAM-SHA-512
 * on the client listener and the {@code StandardAuthorizer} allows only what an ACL
 * grants. The broker itself is the only super user; it signs in with a password made up
 * at each start, over a separate internal listener (and the controller listener) that
 * accepts nothing but that password. Users and ACLs are put in place with
 * {@link #grant(Map, Collection)}.
 */
public final class KraftBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KraftBroker.class);

	private static final int NODE_ID = 1;

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	private static final String CLIENT_LISTENER = "CLIENT";

	private static final String INTERNAL_LISTENER = "INTERNAL";

	/** The broker's own principal, its only super user. */
	public static final String SUPER_USER = "broker";

	/** The SASL mechanism clients sign in with. */
	public static final String CLIENT_MECHANISM = "SCRAM-SHA-512";

	private static final int SCRAM_ITERATIONS = 4096;

	private static final String HOST = "127.0.0.1";

	private final KafkaRaftServer server;

	private final Path dataDir;

	private final boolean deleteOnClose;

	private final String bootstrapServers;

	private final String internalBootstrapServers;

	private final String superUserPassword;

	private final AtomicBoolean closed = new AtomicBoolean();

	private KraftBroker(KafkaRaftServer server, Path dataDir, boolean deleteOnClose, int port, int internalPort,
			String superUserPassword) {
		this.server = server;
		this.dataDir = dataDir;
		this.deleteOnClose = deleteOnClose;
		this.bootstrapServers = HOST + ":" + port;
		this.internalBootstrapServers = HOST + ":" + internalPort;
		this.superUserPassword = superUserPassword;
	}

	/**
	 * Starts a broker whose data lives in {@code dataDir}; the directory is formatted
	 * only the first time, so topics and records survive a restart on the same directory.
	 * @param port the client (SASL/SCRAM) port on 127.0.0.1, or 0 for any free port
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
		int controllerPort = freePortOtherThan(port);
		int internalPort = freePortOtherThan(port, controllerPort);
		String superUserPassword = newPassword();
		Path logDir = dataDir.toAbsolutePath().normalize();
		try {
			Files.createDirectories(logDir);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create broker data directory " + logDir, e);
		}

		KafkaConfig config = new KafkaConfig(configFor(logDir, port, controllerPort, internalPort, superUserPassword),
				false);
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
		return new KraftBroker(server, logDir, deleteOnClose, port, internalPort, superUserPassword);
	}

	static Properties configFor(Path logDir, int port, int controllerPort, int internalPort, String superUserPassword) {
		Properties props = new Properties();
		props.put("process.roles", "broker,controller");
		props.put("node.id", String.valueOf(NODE_ID));
		// A static voter set keeps formatting simple and lets the controller port change
		// between restarts.
		props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
		props.put("controller.listener.names", CONTROLLER_LISTENER);
		props.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + port + "," + INTERNAL_LISTENER + "://" + HOST
				+ ":" + internalPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
		props.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + port + "," + INTERNAL_LISTENER + "://"
				+ HOST + ":" + internalPort);
		props.put("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_PLAINTEXT," + INTERNAL_LISTENER
				+ ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
		props.put("inter.broker.listener.name", INTERNAL_LISTENER);
		props.put("log.dirs", logDir.toString());

		// Services sign in with SCRAM: its credentials live in the cluster metadata, so
		// users are added at run time. The controller cannot use SCRAM (it must
		// authenticate before that metadata exists), so the broker's own connections use
		// PLAIN with a password that only this JVM knows and that changes at every start.
		props.put("listener.name." + CLIENT_LISTENER.toLowerCase() + ".sasl.enabled.mechanisms", CLIENT_MECHANISM);
		props.put("listener.name." + CLIENT_LISTENER.toLowerCase() + ".scram-sha-512.sasl.jaas.config",
				"org.apache.kafka.common.security.scram.ScramLoginModule required;");
		String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + SUPER_USER
				+ "\" password=\"" + superUserPassword + "\" user_" + SUPER_USER + "=\"" + superUserPassword + "\";";
		for (String listener : List.of(INTERNAL_LISTENER, CONTROLLER_LISTENER)) {
			props.put("listener.name." + listener.toLowerCase() + ".sasl.enabled.mechanisms", "PLAIN");
			props.put("listener.name." + listener.toLowerCase() + ".plain.sasl.jaas.config", plain);
		}
		props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
		props.put("sasl.mechanism.controller.protocol", "PLAIN");
		props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		props.put("super.users", "User:" + SUPER_USER);
		props.put("allow.everyone.if.no.acl.found", "false");

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

	/**
	 * The value for a client's {@code bootstrap.servers}; clients there must sign in with
	 * {@value #CLIENT_MECHANISM} (see {@link #clientConfig(String, String, String)}).
	 */
	public String bootstrapServers() {
		return bootstrapServers;
	}

	/**
	 * Client settings for signing in as the broker's super user over its internal
	 * listener: for the owner of this broker (the launcher, a test harness) to create
	 * users and ACLs or to observe every topic, never for a service.
	 */
	public Map<String, Object> superUserConfig() {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, internalBootstrapServers);
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
		config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
				+ " username=\"" + SUPER_USER + "\" password=\"" + superUserPassword + "\";");
		return config;
	}

	/**
	 * Client settings for signing in as {@code username} with SCRAM-SHA-512, as a service
	 * does.
	 */
	public static Map<String, Object> clientConfig(String bootstrapServers, String username, String password) {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		config.put(SaslConfigs.SASL_MECHANISM, CLIENT_MECHANISM);
		config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
				+ " username=\"" + jaasQuoted(username) + "\" password=\"" + jaasQuoted(password) + "\";");
		return config;
	}

	/**
	 * Creates or updates these SCRAM users and makes the broker's ACLs exactly these
	 * bindings (others are removed); returns once the broker answers with them, so a
	 * client started next can sign in.
	 * @param users principal name to password
	 */
	public void grant(Map<String, String> users, Collection<AclBinding> acls) {
		try (Admin admin = Admin.create(superUserConfig())) {
			List<UserScramCredentialUpsertion> upsertions = new ArrayList<>();
			users.forEach((user, password) -> upsertions.add(new UserScramCredentialUpsertion(user,
					new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
			if (!upsertions.isEmpty()) {
				admin.alterUserScramCredentials(new ArrayList<>(upsertions)).all().get();
			}
			Set<AclBinding> wanted = new HashSet<>(acls);
			Collection<AclBinding> existing = admin.describeAcls(AclBindingFilter.ANY).values().get();
			List<AclBinding> stale = existing.stream().filter(binding -> !wanted.contains(binding)).toList();
			if (!stale.isEmpty()) {
				admin.deleteAcls(stale.stream().map(AclBinding::toFilter).toList()).all().get();
			}
			List<AclBinding> missing = wanted.stream().filter(binding -> !existing.contains(binding)).toList();
			if (!missing.isEmpty()) {
				admin.createAcls(missing).all().get();
			}
			awaitApplied(admin, users.keySet(), wanted);
			log.info("Kafka broker on {}: {} SCRAM users, {} ACLs ({} added, {} removed)", bootstrapServers,
					users.size(), wanted.size(), missing.size(), stale.size());
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("Cannot create the Kafka users and ACLs: " + e.getCause().getMessage(),
					e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating the Kafka users and ACLs", e);
		}
	}

	// The controller has committed the records when the calls return; the broker applies
	// them a moment later, and a client that signs in before that would be refused.
	private static void awaitApplied(Admin admin, Set<String> users, Set<AclBinding> acls)
			throws InterruptedException, ExecutionException {
		for (int attempt = 0; attempt < 200; attempt++) {
			Set<String> known = users.isEmpty() ? Set.of() : admin.describeUserScramCredentials().all().get().keySet();
			Collection<AclBinding> present = admin.describeAcls(AclBindingFilter.ANY).values().get();
			if (known.containsAll(users) && present.containsAll(acls) && acls.containsAll(present)) {
				return;
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("The broker did not apply its users and ACLs within ten seconds");
	}

	private static String jaasQuoted(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String newPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

	/**
	 * A free port that is none of these: a port found free but not yet bound (the client
	 * port a caller chose, say) may be handed out again.
	 */
	static int freePortOtherThan(int... taken) {
		while (true) {
			int candidate = freePort();
			if (java.util.Arrays.stream(taken).noneMatch(port -> port == candidate)) {
				return candidate;
			}
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
