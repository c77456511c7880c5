package org.prolo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The stack as the launcher starts it (same commands, same jars, H2 files under one data
 * directory; identity and the six services of the workflow, not the portal), but with the
 * broker in the test's JVM and every process under the test's control, so that the test
 * can kill any of them with SIGKILL and start it again on the same data.
 */
final class CrashStack extends StackOnTestBroker {

	/**
	 * The services' ports are the launcher's plus this ({@code -Dcrash.port-offset=100}
	 * runs next to a stack already started on the usual ports).
	 */
	static final int PORT_OFFSET = Integer.getInteger("crash.port-offset", 0);

	/** Notification's embedded SMTP server, moved by the same offset. */
	private static final int SMTP_PORT = 3025;

	private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(400);

	private static final Duration SECOND_WAVE_DELAY = Duration.ofSeconds(10);

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	/**
	 * The launcher's services but the physician portal, which holds no referral of its
	 * own (it calls intake): identity first, as every request needs a token.
	 */
	static final List<ServiceSpec> SERVICES = ServiceSpec.ALL.stream()
		.filter(spec -> !spec.name().equals("portal"))
		.map(spec -> spec.movedBy(PORT_OFFSET))
		.toList();

	private final Map<String, ServiceProcess> running = new ConcurrentHashMap<>();

	private final Map<String, Integer> incarnations = new ConcurrentHashMap<>();

	private final Map<String, Integer> kills = new ConcurrentHashMap<>();

	private volatile int brokerRestarts;

	private CrashStack(Path root, Path dataDir) {
		super(root, dataDir);
	}

	static CrashStack start(Path root, Path dataDir) throws InterruptedException {
		List<String> problems = StackProcesses.problemsStarting(root, SERVICES);
		if (!Launcher.portIsFree(SMTP_PORT + PORT_OFFSET)) {
			problems.add("port " + (SMTP_PORT + PORT_OFFSET) + " (notification's SMTP server) is in use");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Cannot start the stack: " + String.join("; ", problems));
		}
		Path jars;
		try {
			// With -Dcrash.jars=DIR the jars are taken from DIR/<service>.jar instead.
			jars = JarSnapshot.copy(root, dataDir.resolve("jars"), SERVICES, System.getProperty("crash.jars"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy the service jars", ex);
		}
		CrashStack stack = new CrashStack(jars, dataDir);
		// A test JVM that dies must not leave seven services holding the ports of the
		// next build.
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "crash-stack-shutdown"));
		try {
			Files.createDirectories(dataDir.resolve("logs"));
			stack.startBroker();
			// Two waves, as the launcher starts them: identity, then intake and workflow,
			// which declare the topics the others read.
			List<ServiceSpec> first = SERVICES.subList(0, ServiceSpec.FIRST_WAVE);
			first.forEach(stack::startService);
			Thread.sleep(SECOND_WAVE_DELAY.toMillis());
			for (ServiceSpec spec : SERVICES.subList(ServiceSpec.FIRST_WAVE, SERVICES.size())) {
				stack.startService(spec);
				Thread.sleep(2000);
			}
			for (ServiceSpec spec : SERVICES) {
				stack.awaitHealthy(spec.name());
			}
			say("stack up: broker %s, %s", stack.bootstrapServers(),
					SERVICES.stream().map(spec -> spec.name() + " " + spec.port()).collect(Collectors.joining(", ")));
			return stack;
		}
		catch (IOException ex) {
			stack.close();
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException | InterruptedException ex) {
			stack.close();
			throw ex;
		}
	}

	/**
	 * The identity service as tokens name it (its issuer): localhost, as for browsers,
	 * and on the moved port.
	 */
	static String identityUrl() {
		return "http://localhost:" + spec("identity").port();
	}

	/** The URL of a path on one of the services. */
	static String url(String service, String path) {
		return "http://127.0.0.1:" + spec(service).port() + path;
	}

	Path dataDir() {
		return dataDir;
	}

	/**
	 * SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook,
	 * no flush, no commit; then the same command on the same data once {@code down} has
	 * passed, and back only when healthy.
	 */
	void killAndRestart(String name, Duration down) throws InterruptedException {
		ServiceProcess victim = running.get(name);
		victim.process().destroyForcibly();
		if (!victim.process().waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(name + " survived SIGKILL");
		}
		kills.merge(name, 1, Integer::sum);
		long killed = System.nanoTime();
		say("SIGKILL %s (pid %d)", name, victim.process().pid());
		Thread.sleep(down.toMillis());
		startService(spec(name));
		awaitHealthy(name);
		say("%s is back, healthy %d s after the kill", name, (System.nanoTime() - killed) / 1_000_000_000L);
	}

	static void say(String format, Object... args) {
		System.out.printf("[crash %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
	}

	/**
	 * A clean broker restart on the same port and data: clients see the broker vanish and
	 * come back.
	 */
	synchronized void restartBroker(Duration down) throws InterruptedException {
		say("stopping the broker");
		broker.close();
		Thread.sleep(down.toMillis());
		RuntimeException last = null;
		for (int attempt = 0; attempt < 10; attempt++) {
			try {
				startBroker();
				brokerRestarts++;
				say("broker is back on port %d", kafkaPort);
				return;
			}
			catch (RuntimeException ex) {
				// The old listener's socket can take a moment to let go of the port.
				last = ex;
				Thread.sleep(1000);
			}
		}
		throw last;
	}

	Map<String, Integer> kills() {
		Map<String, Integer> ordered = new LinkedHashMap<>();
		SERVICES.forEach(spec -> ordered.put(spec.name(), kills.getOrDefault(spec.name(), 0)));
		return ordered;
	}

	int brokerRestarts() {
		return brokerRestarts;
	}

	private void startService(ServiceSpec spec) {
		int incarnation = incarnations.merge(spec.name(), 1, Integer::sum);
		// Each incarnation logs to its own file: the log of the killed one is the
		// evidence.
		Path logFile = dataDir.resolve("logs").resolve(spec.name() + "-" + incarnation + ".log");
		List<String> command = new ArrayList<>(ServiceProcess.command(spec, java, root, bootstrapServers(),
				dataDir.resolve("data").resolve(spec.name()), false));
		if (spec.name().equals("scheduling")) {
			// A small clinic, so that the run fills the booking horizon and the rest of
			// the referrals go through the waiting list.
			command.add("--prolo.scheduling.slots-per-day=" + Integer.getInteger("crash.slots-per-day", 2));
		}
		if (spec.name().equals("imaging")) {
			// Orders stay open until someone reports them, as before the demo profile.
			command.add(ServiceSpec.NO_AUTO_REPORT);
		}
		if (PORT_OFFSET != 0 && spec.name().equals("notification")) {
			command.add("--prolo.notification.embedded-smtp.port=" + (SMTP_PORT + PORT_OFFSET));
		}
		if (PORT_OFFSET != 0) {
			// Tokens name the issuer on its moved port, and every service must expect it.
			command.add(spec.name().equals("identity") ? "--prolo.identity.issuer=" + identityUrl()
					: "--prolo.security.issuer=" + identityUrl());
		}
		// Four submitters as two physicians, hundreds a second: the demo profile lifts
		// intake's limit meant for a runaway client.
		running.put(spec.name(), ServiceProcess.start(spec, command, root, logFile));
	}

	private void awaitHealthy(String name) throws InterruptedException {
		StackProcesses.awaitHealthy(name, running.get(name), HEALTHY_WITHIN);
	}

	private static ServiceSpec spec(String name) {
		return SERVICES.stream()
			.filter(spec -> spec.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + name));
	}

	/** Stops what is still running, gracefully first; safe to call twice. */
	@Override
	public synchronized void close() {
		StackProcesses.stop(List.copyOf(running.values()), STOP_GRACE, service -> {
		});
		if (broker != null) {
			broker.close();
		}
	}

}
