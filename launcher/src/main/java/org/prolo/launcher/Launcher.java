package org.prolo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.prolo.platform.broker.KraftBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default of the product: a Kafka broker in this JVM and the eight services
 * (the identity service, the six of the referral workflow and the physician portal) as
 * child processes, with all their data under {@code <repo>/.local/}.
 */
public final class Launcher {

	private static final Logger log = LoggerFactory.getLogger(Launcher.class);

	private static final String KAFKA_HOST = "127.0.0.1";

	private static final int LOG_TAIL_LINES = 30;

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	/**
	 * The second wave starts when the first is up or after this long, whichever is
	 * sooner.
	 */
	private static final Duration SECOND_WAVE_DELAY = Duration.ofSeconds(10);

	/**
	 * Gap between starts within the second wave, so five JVMs do not class-load on two
	 * cores at the same instant.
	 */
	private static final Duration STAGGER = Duration.ofSeconds(2);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

	private static final Duration WAITING_NOTE_INTERVAL = Duration.ofSeconds(15);

	private final LauncherOptions options;

	private final Path root;

	/** All eight, or seven when another provider stands in for the identity service. */
	private final List<ServiceSpec> services;

	private final List<ServiceProcess> running = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private KraftBroker broker;

	/** The settings that point every service at --identity-provider; none without it. */
	private List<String> providerSettings = List.of();

	private boolean stopped;

	private volatile boolean stopping;

	private Launcher(LauncherOptions options, Path root) {
		this.options = options;
		this.root = root;
		this.services = services(options);
	}

	/**
	 * The services to start: without the identity service when another provider signs in.
	 */
	static List<ServiceSpec> services(LauncherOptions options) {
		if (options.identityProvider() == null) {
			return ServiceSpec.ALL;
		}
		return ServiceSpec.ALL.stream().filter(spec -> !spec.name().equals(ServiceSpec.IDENTITY)).toList();
	}

	public static void main(String[] args) {
		LauncherOptions options;
		try {
			options = LauncherOptions.parse(args);
		}
		catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.err.println(LauncherOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.println(LauncherOptions.USAGE);
			return;
		}
		Path root;
		try {
			root = RepoRoot.resolve(System.getProperty("repo.root"), Path.of(""));
		}
		catch (IllegalArgumentException e) {
			log.error(e.getMessage());
			System.exit(2);
			return;
		}
		System.exit(new Launcher(options, root).run());
	}

	private int run() {
		long started = System.nanoTime();
		List<String> problems = preflightProblems(root, options.kafkaPort(), services);
		if (!problems.isEmpty()) {
			log.error("Cannot start:");
			problems.forEach(problem -> log.error("  - {}", problem));
			return 1;
		}
		if (options.identityProvider() != null) {
			try {
				IdentityProvider provider = IdentityProvider.discover(http, options.identityProvider());
				providerSettings = provider.serviceSettings();
				log.info("Services trust the OpenID Connect provider {} instead of the identity service",
						provider.issuer());
			}
			catch (IllegalStateException e) {
				log.error("Cannot use the identity provider: {}", e.getMessage());
				return 1;
			}
		}
		Path local = options.dataDir() != null ? root.resolve(options.dataDir()) : root.resolve(".local");
		prepareLocalDirectories(local);
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "launcher-shutdown"));

		log.info("Starting Kafka broker on {}:{} (data in {})", KAFKA_HOST, options.kafkaPort(),
				root.relativize(local.resolve("kafka")));
		try {
			KraftBroker kafka = DemoKafka.start(local.resolve("kafka"), options.kafkaPort());
			synchronized (this) {
				broker = kafka;
				if (stopped) {
					// Ctrl-C arrived while the broker was starting; the hook could not
					// see it yet.
					kafka.close();
					return 130;
				}
			}
		}
		catch (RuntimeException e) {
			log.error("Kafka broker did not start: {}", e.getMessage(), e);
			return 1;
		}

		if (!startServicesAndAwaitHealth(local, started)) {
			stopAll();
			return 1;
		}
		Duration startup = Duration.ofNanos(System.nanoTime() - started);
		log.info("\n{}", ReadyTable.format(services, broker.bootstrapServers(), startup));

		boolean seeded = seed();
		if (options.exitWhenReady()) {
			stopAll();
			return seeded ? 0 : 1;
		}
		log.info("Logs are in {}. Press Ctrl-C to stop everything.", root.relativize(local.resolve("logs")));
		return watchUntilSomethingDies();
	}

	/**
	 * Everything that would make the start fail half-way, found before anything is
	 * started.
	 */
	static List<String> preflightProblems(Path root, int kafkaPort) {
		return preflightProblems(root, kafkaPort, ServiceSpec.ALL);
	}

	static List<String> preflightProblems(Path root, int kafkaPort, List<ServiceSpec> services) {
		List<String> problems = new ArrayList<>();
		for (ServiceSpec service : services) {
			if (!Files.isRegularFile(service.jar(root))) {
				problems.add("missing " + root.relativize(service.jar(root))
						+ " (build the services first: ./mvnw install -Pup)");
			}
		}
		if (!portIsFree(kafkaPort)) {
			problems.add("port " + kafkaPort + " (Kafka) is already in use; is the system already running?");
		}
		for (ServiceSpec service : services) {
			if (!portIsFree(service.port())) {
				problems.add("port " + service.port() + " (" + service.name()
						+ ") is already in use; is the system already running?");
			}
		}
		return problems;
	}

	/**
	 * Binds the wildcard address, as the services' web servers will, so a listener on any
	 * interface counts.
	 */
	static boolean portIsFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	/**
	 * The broker's, the services' and the logs' directories, owner-only: they hold
	 * patient data, identity's signing key and logs.
	 */
	static void prepareLocalDirectories(Path local) {
		try {
			OwnerOnly.directory(local);
			OwnerOnly.directory(local.resolve("kafka"));
			OwnerOnly.directory(local.resolve("logs"));
			OwnerOnly.directory(local.resolve("data"));
			for (ServiceSpec service : ServiceSpec.ALL) {
				OwnerOnly.directory(local.resolve("data").resolve(service.name()));
			}
			// Keeps runtime data out of git even if the repository's own .gitignore
			// forgets it.
			Path ignore = local.resolve(".gitignore");
			if (!Files.exists(ignore)) {
				Files.writeString(ignore, "*\n", StandardCharsets.UTF_8);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot prepare " + local, e);
		}
	}

	/**
	 * Starts the services in two waves and returns once all are healthy, or false after
	 * reporting why not.
	 */
	private boolean startServicesAndAwaitHealth(Path local, long launcherStarted) {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		HealthProbe probe = new HealthProbe(http);
		List<ServiceSpec> firstWaveSpecs = services.stream()
			.filter(spec -> ServiceSpec.ALL.indexOf(spec) < ServiceSpec.FIRST_WAVE)
			.toList();
		Deque<ServiceSpec> secondWave = new ArrayDeque<>(
				services.stream().filter(spec -> !firstWaveSpecs.contains(spec)).toList());
		List<ServiceProcess> firstWave = new ArrayList<>();
		for (ServiceSpec spec : firstWaveSpecs) {
			ServiceProcess service = startService(spec, java, local);
			if (service == null) {
				return false;
			}
			firstWave.add(service);
		}
		Set<String> healthy = new LinkedHashSet<>();
		long deadline = launcherStarted + options.timeout().toNanos();
		long secondWaveAt = System.nanoTime() + SECOND_WAVE_DELAY.toNanos();
		long nextStartAt = System.nanoTime();
		long nextWaitingNote = System.nanoTime() + WAITING_NOTE_INTERVAL.toNanos();

		while (healthy.size() < services.size()) {
			long now = System.nanoTime();
			boolean firstWaveUp = firstWave.stream().allMatch(service -> healthy.contains(service.spec().name()));
			if (!secondWave.isEmpty() && (firstWaveUp || now >= secondWaveAt) && now >= nextStartAt) {
				startService(secondWave.removeFirst(), java, local);
				nextStartAt = now + STAGGER.toNanos();
			}
			if (stopping) {
				return false;
			}
			for (ServiceProcess service : snapshot()) {
				String name = service.spec().name();
				if (healthy.contains(name)) {
					continue;
				}
				if (diedOnItsOwn(service)) {
					reportDeath(service);
					return false;
				}
				if (probe.check(service.spec().healthUrl())) {
					healthy.add(name);
					log.info("  {} is UP after {} ({}/{})", pad(name),
							ReadyTable.seconds(Duration.ofMillis(service.elapsedMillis())), healthy.size(),
							services.size());
				}
			}
			if (healthy.size() == services.size()) {
				break;
			}
			if (now >= deadline) {
				reportTimeout(healthy);
				return false;
			}
			if (now >= nextWaitingNote) {
				log.info("  still waiting for {}",
						snapshot().stream()
							.map(service -> service.spec().name())
							.filter(name -> !healthy.contains(name))
							.collect(Collectors.joining(", ")));
				nextWaitingNote = now + WAITING_NOTE_INTERVAL.toNanos();
			}
			if (!sleep(POLL_INTERVAL)) {
				return false;
			}
		}
		return true;
	}

	private ServiceProcess startService(ServiceSpec spec, Path java, Path local) {
		Path dataDir = local.resolve("data").resolve(spec.name());
		Path logFile = local.resolve("logs").resolve(spec.name() + ".log");
		List<String> command = new ArrayList<>(
				ServiceProcess.command(spec, java, root, broker.bootstrapServers(), dataDir, options.postgres()));
		command.addAll(ServiceSpec.singleNodeSettings(spec.name()));
		command.addAll(providerSettings);
		if (!options.autoReport() && spec.name().equals("imaging")) {
			command.add(ServiceSpec.NO_AUTO_REPORT);
		}
		if (options.fullJit()) {
			// C1 alone starts six JVMs fastest on two cores; under sustained load C2's
			// code needs far less CPU.
			command.remove("-XX:TieredStopAtLevel=1");
		}
		ServiceProcess service;
		synchronized (this) {
			if (stopped) {
				// Starting now would leave a process behind that the shutdown hook has
				// already passed over.
				return null;
			}
			service = ServiceProcess.start(spec, command, root, logFile);
			running.add(service);
		}
		log.info("  {} starting on port {} (pid {}, log {})", pad(spec.name()), spec.port(), service.process().pid(),
				root.relativize(logFile));
		return service;
	}

	private boolean seed() {
		if (options.seed() == 0) {
			return true;
		}
		log.info("Submitting {} demo referral(s) to intake as {}", options.seed(),
				DemoReferrals.REFERRERS.stream()
					.map(DemoReferrals.Referrer::id)
					.limit(options.seed())
					.collect(Collectors.joining(" and ")));
		DemoTokens tokens = new DemoTokens(ServiceSpec.IDENTITY_URL);
		DemoReferrals referrals = new DemoReferrals(http, URI.create("http://127.0.0.1:8081/api/referrals"),
				tokens::bearer);
		try {
			return referrals.submit(options.seed()).stream().allMatch(DemoReferrals.Submission::accepted);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * After start-up the launcher only waits; a service that dies takes the whole system
	 * down with it.
	 */
	private int watchUntilSomethingDies() {
		while (true) {
			if (!sleep(Duration.ofSeconds(1)) || stopping) {
				// Ctrl-C: the shutdown hook is stopping everything and the JVM exits when
				// it is done.
				return 130;
			}
			for (ServiceProcess service : snapshot()) {
				if (diedOnItsOwn(service)) {
					reportDeath(service);
					stopAll();
					return 1;
				}
			}
		}
	}

	/**
	 * Ctrl-C in a terminal reaches the services as well as the launcher, and a service
	 * can exit before the shutdown hook has marked the launcher as stopping; the short
	 * grace keeps that from being reported as a crash.
	 */
	private boolean diedOnItsOwn(ServiceProcess service) {
		if (service.process().isAlive() || stopping) {
			return false;
		}
		return sleep(Duration.ofMillis(500)) && !stopping;
	}

	private void reportDeath(ServiceProcess service) {
		log.error("{} exited with code {} after {}. Last {} lines of {}:", service.spec().name(),
				service.process().exitValue(), ReadyTable.seconds(Duration.ofMillis(service.elapsedMillis())),
				LOG_TAIL_LINES, root.relativize(service.logFile()));
		LogTail.lastLines(service.logFile(), LOG_TAIL_LINES).forEach(line -> log.error("    | {}", line));
	}

	private void reportTimeout(Set<String> healthy) {
		List<String> late = snapshot().stream()
			.filter(service -> !healthy.contains(service.spec().name()))
			.map(service -> service.spec().name() + " (" + root.relativize(service.logFile()) + ")")
			.toList();
		log.error(
				"Not all services were healthy within {} s; still waiting for: {}. "
						+ "Raise the limit with --timeout SECONDS.",
				options.timeout().toSeconds(), String.join(", ", late));
	}

	/**
	 * Stops the services gracefully, then the broker; safe to call from the shutdown hook
	 * and more than once.
	 */
	private synchronized void stopAll() {
		if (stopped) {
			return;
		}
		stopping = true;
		stopped = true;
		List<ServiceProcess> alive = running.stream().filter(service -> service.process().isAlive()).toList();
		if (!alive.isEmpty()) {
			log.info("Stopping {} service(s): {}", alive.size(),
					alive.stream().map(service -> service.spec().name()).collect(Collectors.joining(", ")));
			alive.forEach(service -> service.process().destroy());
			long deadline = System.nanoTime() + STOP_GRACE.toNanos();
			for (ServiceProcess service : alive) {
				awaitExit(service.process(), deadline - System.nanoTime());
			}
			for (ServiceProcess service : alive) {
				if (service.process().isAlive()) {
					log.warn("{} did not stop within {} s; killing it", service.spec().name(), STOP_GRACE.toSeconds());
					service.process().destroyForcibly();
					awaitExit(service.process(), TimeUnit.SECONDS.toNanos(5));
				}
			}
			log.info("Services stopped");
		}
		if (broker != null) {
			broker.close();
		}
	}

	private static void awaitExit(Process process, long nanos) {
		try {
			process.waitFor(Math.max(0, nanos), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private synchronized List<ServiceProcess> snapshot() {
		return List.copyOf(running);
	}

	private static boolean sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String pad(String name) {
		return String.format("%-12s", name);
	}

}
