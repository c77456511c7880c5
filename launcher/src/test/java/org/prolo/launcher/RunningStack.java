package org.prolo.launcher;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.prolo.platform.broker.KraftBroker;
import org.prolo.platform.events.KafkaAccess;

/**
 * The whole embedded stack as a user starts it: the launcher in its own JVM, which runs
 * the broker and starts the eight service jars (copies, see {@link JarSnapshot}) as
 * processes. Tests talk to it over HTTP and Kafka only.
 */
final class RunningStack implements AutoCloseable {

	private static final String READY = "Press Ctrl-C to stop everything";

	private final Process launcher;

	private final int kafkaPort;

	private final List<String> output = new CopyOnWriteArrayList<>();

	private RunningStack(Process launcher, int kafkaPort) {
		this.launcher = launcher;
		this.kafkaPort = kafkaPort;
	}

	static RunningStack start(Path root, Path dataDir, String... options) throws IOException, InterruptedException {
		return start(root, dataDir, Map.of(), options);
	}

	/**
	 * @param environment added to the launcher's environment, which every service it
	 * starts inherits: the way to give the services settings (Spring reads
	 * {@code PROLO_SCHEDULING_SLOTSPERDAY} as {@code prolo.scheduling.slots-per-day}),
	 * since the launcher's own options are not handed on to them
	 */
	static RunningStack start(Path root, Path dataDir, Map<String, String> environment, String... options)
			throws IOException, InterruptedException {
		int kafkaPort = freePort();
		// The launcher finds the jars under its repository root: a copy of them, so that
		// a build elsewhere in the repository cannot swap a jar under a running service.
		Path jars = JarSnapshot.copy(root, dataDir.resolve("jars"), ServiceSpec.ALL, null);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Drepo.root=" + jars,
						"-cp", runtimeClasspath(root), Launcher.class.getName(), "--kafka-port",
						String.valueOf(kafkaPort), "--data-dir", dataDir.toString(), "--timeout", "400"));
		command.addAll(List.of(options));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		RunningStack stack = new RunningStack(process, kafkaPort);
		CountDownLatch ready = new CountDownLatch(1);
		Thread pump = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					stack.output.add(line);
					System.out.println("[launcher] " + line);
					if (line.contains(READY)) {
						ready.countDown();
					}
				}
			}
			catch (IOException ex) {
				// the launcher went away; waitUntilReady reports it
			}
			ready.countDown();
		}, "launcher-output");
		pump.setDaemon(true);
		pump.start();
		ready.await(420, TimeUnit.SECONDS);
		if (!process.isAlive() || stack.output.stream().noneMatch(line -> line.contains(READY))) {
			stack.close();
			throw new IllegalStateException("The stack did not start:\n" + String.join("\n", stack.output));
		}
		return stack;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + kafkaPort;
	}

	/**
	 * Settings for the test's own clients: the demo's timeline user, which reads every
	 * product topic; a client that reads as it must assign partitions, since it has no
	 * consumer group of its own.
	 */
	Map<String, Object> clientConfig() {
		return clientConfig("timeline");
	}

	/** Settings for signing in as this service's demo user. */
	Map<String, Object> clientConfig(String service) {
		return KraftBroker.clientConfig(bootstrapServers(), service, KafkaAccess.demoPassword(service));
	}

	@Override
	public void close() throws InterruptedException {
		launcher.destroy();
		if (!launcher.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
			launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			launcher.destroyForcibly();
		}
	}

	/**
	 * target/classes plus the runtime dependencies, as maven-dependency-plugin wrote them
	 * for this build.
	 */
	private static String runtimeClasspath(Path root) throws IOException {
		Path target = root.resolve("launcher/target");
		String dependencies = Files.readString(target.resolve("runtime-classpath.txt")).strip();
		return target.resolve("classes") + File.pathSeparator + dependencies;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
