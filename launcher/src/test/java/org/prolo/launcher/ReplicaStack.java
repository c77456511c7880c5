package org.prolo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stack with two replicas of each of the six services of the referral workflow, as an
 * operator runs it on several machines: every service on PostgreSQL (its postgres
 * profile, one fresh database per service that both replicas share), one broker (in the
 * test's JVM), one identity service. The first replica of each service runs on the
 * launcher's port, the second on that port plus {@value #SECOND_REPLICA_OFFSET}.
 * Notification's second replica mails through the first one's in-process SMTP server, so
 * that one mailbox holds every mail. Imaging's demo auto-report is off: the tests report
 * themselves.
 */
final class ReplicaStack extends StackOnTestBroker {

	static final int SECOND_REPLICA_OFFSET = 100;

	static final List<String> REPLICATED = List.of("workflow", "intake", "imaging", "scheduling", "notification",
			"timeline");

	private static final int SMTP_PORT = 3025;

	private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(600);

	private static final Duration STOP_GRACE = Duration.ofSeconds(40);

	private final String databasePrefix = "prolo_replicas_" + UUID.randomUUID().toString().substring(0, 8);

	/** By "service-replica", e.g. "intake-2". */
	private final Map<String, ServiceProcess> running = new LinkedHashMap<>();

	private final List<String> databases = new ArrayList<>();

	private ReplicaStack(Path root, Path dataDir) {
		super(root, dataDir);
	}

	/**
	 * @param settings more command-line settings per service, given to both replicas
	 */
	static ReplicaStack start(Path root, Path dataDir, Map<String, List<String>> settings)
			throws IOException, InterruptedException {
		List<ServiceSpec> services = ServiceSpec.ALL.stream()
			.filter(spec -> spec.name().equals("identity") || REPLICATED.contains(spec.name()))
			.toList();
		List<String> problems = StackProcesses.problemsStarting(root, services);
		for (String service : REPLICATED) {
			int port = port(service, 2);
			if (!Launcher.portIsFree(port)) {
				problems.add("port " + port + " (" + service + "-2) is in use");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Cannot start the stack: " + String.join("; ", problems));
		}
		Path jars = JarSnapshot.copy(root, dataDir.resolve("jars"), services, null);
		ReplicaStack stack = new ReplicaStack(jars, dataDir);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "replica-stack-shutdown"));
		try {
			Files.createDirectories(dataDir.resolve("logs"));
			stack.startBroker();
			for (String service : REPLICATED) {
				stack.createDatabase(service);
			}
			// The first replicas as the launcher starts its services: identity, then
			// workflow and intake, which declare the topics; the second replicas once
			// the first are up, as in a rolling deployment (the first replica migrated
			// the schema and deployed the process).
			stack.startAndAwait(services.subList(0, ServiceSpec.FIRST_WAVE), 1, settings);
			stack.startAndAwait(services.subList(ServiceSpec.FIRST_WAVE, services.size()), 1, settings);
			stack.startAndAwait(services.stream().filter(spec -> REPLICATED.contains(spec.name())).toList(), 2,
					settings);
			say("stack up: broker %s, %s", stack.bootstrapServers(), String.join(", ", stack.running.keySet()));
			return stack;
		}
		catch (IOException | RuntimeException | InterruptedException ex) {
			stack.close();
			throw ex;
		}
	}

	/** The URL of a path on one replica (1 or 2) of a service. */
	static String url(String service, int replica, String path) {
		return "http://127.0.0.1:" + port(service, replica) + path;
	}

	static int port(String service, int replica) {
		return ServiceSpec.named(service).port() + ((replica == 2) ? SECOND_REPLICA_OFFSET : 0);
	}

	/** The service's database, which both its replicas use. */
	String database(String service) {
		return databasePrefix + "_" + service;
	}

	/**
	 * Stops the second replica of every replicated service as an orchestrator does
	 * (SIGTERM, then a grace period), all at once.
	 */
	void stopSecondReplicas() {
		StackProcesses.stop(REPLICATED.stream().map(service -> running.get(service + "-2")).toList(), STOP_GRACE,
				service -> say("%s did not stop within %d s; killing it", service.spec().name(),
						STOP_GRACE.toSeconds()));
		say("second replicas stopped");
	}

	/** What psql prints for a query on one service's database (unaligned, no headers). */
	String query(String service, String sql) {
		return psql(database(service), sql);
	}

	static void say(String format, Object... args) {
		System.out.printf("[replicas %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
	}

	private void startAndAwait(List<ServiceSpec> specs, int replica, Map<String, List<String>> settings)
			throws InterruptedException {
		for (ServiceSpec spec : specs) {
			start(spec, replica, settings.getOrDefault(spec.name(), List.of()));
			Thread.sleep(2000);
		}
		for (ServiceSpec spec : specs) {
			awaitHealthy(spec.name() + "-" + replica);
		}
	}

	private void start(ServiceSpec base, int replica, List<String> settings) {
		String name = base.name() + "-" + replica;
		boolean replicated = REPLICATED.contains(base.name());
		ServiceSpec spec = (replica == 2) ? base.movedBy(SECOND_REPLICA_OFFSET) : base;
		List<String> command = new ArrayList<>(ServiceProcess.command(spec, java, root, bootstrapServers(),
				dataDir.resolve("data").resolve(name), replicated));
		if (replicated) {
			command.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database(base.name()));
			// Twelve pools of Hikari's default ten would take more than the local
			// server's hundred connections, which other tests share.
			command.add("--spring.datasource.hikari.maximum-pool-size=" + (base.name().equals("workflow") ? 6 : 4));
		}
		if (base.name().equals("imaging")) {
			command.add(ServiceSpec.NO_AUTO_REPORT);
		}
		if (base.name().equals("notification") && replica == 2) {
			command.add("--prolo.notification.embedded-smtp.port=" + (SMTP_PORT + SECOND_REPLICA_OFFSET));
			command.add("--spring.mail.port=" + SMTP_PORT);
		}
		command.addAll(settings);
		Path logFile = dataDir.resolve("logs").resolve(name + ".log");
		running.put(name, ServiceProcess.start(spec, command, root, logFile));
	}

	private void awaitHealthy(String name) throws InterruptedException {
		StackProcesses.awaitHealthy(name, running.get(name), HEALTHY_WITHIN);
		say("%s healthy on port %d", name, running.get(name).spec().port());
	}

	private void createDatabase(String service) {
		psql("postgres", "create database " + database(service));
		databases.add(database(service));
	}

	/** The local PostgreSQL through psql: the launcher has no JDBC driver of its own. */
	private static String psql(String database, String sql) {
		String host = System.getenv().getOrDefault("POSTGRES_HOST", "127.0.0.1");
		String user = System.getenv().getOrDefault("POSTGRES_USER", "postgres");
		try {
			Process process = new ProcessBuilder("psql", "-h", host, "-U", user, "-d", database, "-At", "-v",
					"ON_ERROR_STOP=1", "-c", sql)
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException("psql " + sql + " failed: " + output);
			}
			return output.strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("psql is needed for this test", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Stops everything, gracefully first, and drops the databases; safe to call twice.
	 */
	@Override
	public synchronized void close() {
		StackProcesses.stop(List.copyOf(running.values()), STOP_GRACE, service -> {
		});
		if (broker != null) {
			broker.close();
			broker = null;
		}
		for (String database : databases) {
			try {
				psql("postgres", "drop database if exists " + database + " with (force)");
			}
			catch (RuntimeException ex) {
				say("could not drop %s: %s", database, ex.getMessage());
			}
		}
		databases.clear();
	}

}
