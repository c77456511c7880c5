package org.prolo.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.prolo.launcher.DemoTokens;

/**
 * The product's embedded stack on PostgreSQL: either started here (fresh prolo_*
 * databases, the launcher's main class in a child JVM with {@code --postgres}, exactly as
 * {@code ./mvnw install -Pup -Dlauncher.args=--postgres}) or one already running
 * ({@code --attach}).
 */
final class Stack implements AutoCloseable {

	/** Every process of the stack and its port, identity and the portal included. */
	static final Map<String, Integer> SERVICES = servicePorts();

	/**
	 * The services with a database of their own (prolo_<name>), recreated at each start.
	 */
	static final List<String> DATABASES = List.of("identity", "workflow", "intake", "imaging", "scheduling",
			"notification", "timeline");

	static final String IDENTITY = "http://localhost:9000";

	/** The stack's databases on the PostgreSQL server. */
	static Set<String> databaseNames() {
		return DATABASES.stream().map(name -> "prolo_" + name).collect(Collectors.toSet());
	}

	private final Path root;

	private final Process launcher;

	private final Duration startup;

	private final DemoTokens tokens = new DemoTokens(IDENTITY);

	private Stack(Path root, Process launcher, Duration startup) {
		this.root = root;
		this.launcher = launcher;
		this.startup = startup;
	}

	/**
	 * Tokens of the demo users from the stack's identity service, renewed before they
	 * expire.
	 */
	DemoTokens tokens() {
		return tokens;
	}

	static Stack startOrAttach(Path root, Args args) {
		if (args.flag("attach")) {
			awaitHealthy(System.nanoTime(), Duration.ofSeconds(5), null);
			System.out.println("# attached to the running stack");
			return new Stack(root, null, null);
		}
		return start(root, args.text("launcher-args", ""));
	}

	/**
	 * Recreates the databases, starts the launcher and waits until all eight services are
	 * healthy.
	 */
	static Stack start(Path root, String extraLauncherArgs) {
		Postgres.recreate(DATABASES.stream().map(name -> "prolo_" + name).toArray(String[]::new));
		Path data = root.resolve("benchmarks/target/stack");
		deleteRecursively(data);
		try {
			Files.createDirectories(data);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Drepo.root=" + root,
						"-cp", absoluteClassPath(), "org.prolo.launcher.Launcher", "--postgres", "--data-dir",
						data.toString(), "--timeout", "600"));
		for (String extra : extraLauncherArgs.trim().split("\\s+")) {
			if (!extra.isEmpty()) {
				command.add(extra);
			}
		}
		System.out
			.println("# starting the stack: launcher --postgres (log " + root.relativize(data) + "/launcher.log)");
		long started = System.nanoTime();
		Process launcher;
		try {
			launcher = new ProcessBuilder(command).directory(root.toFile())
				.redirectErrorStream(true)
				.redirectOutput(data.resolve("launcher.log").toFile())
				.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stopLauncher(launcher)));
		Duration startup = awaitHealthy(started, Duration.ofMinutes(10), launcher);
		System.out.printf("# stack healthy %.1f s after the launch command%n", startup.toMillis() / 1000.0);
		return new Stack(root, launcher, startup);
	}

	Optional<Duration> startup() {
		return Optional.ofNullable(startup);
	}

	/**
	 * Pid per service name, plus "broker+launcher" for the launcher's JVM when this run
	 * started it.
	 */
	Map<String, Long> pids() {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (String name : SERVICES.keySet()) {
			String jar = File.separator + name + ".jar";
			ProcessHandle.allProcesses()
				.filter(process -> process.info().commandLine().map(line -> line.contains(jar)).orElse(false))
				.max(Comparator.comparing(process -> process.info().startInstant().orElse(null),
						Comparator.nullsFirst(Comparator.naturalOrder())))
				.ifPresent(process -> pids.put(name, process.pid()));
		}
		if (launcher != null) {
			pids.put("broker+launcher", launcher.pid());
		}
		else {
			ProcessHandle.allProcesses()
				.filter(process -> process.info()
					.commandLine()
					.map(line -> line.contains("org.prolo.launcher.Launcher"))
					.orElse(false))
				.findFirst()
				.ifPresent(process -> pids.put("broker+launcher", process.pid()));
		}
		return pids;
	}

	@Override
	public void close() {
		if (launcher != null) {
			stopLauncher(launcher);
		}
	}

	private static void stopLauncher(Process launcher) {
		if (!launcher.isAlive()) {
			return;
		}
		// SIGTERM: the launcher's shutdown hook stops the services and then the broker.
		launcher.destroy();
		try {
			if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
				launcher.descendants().forEach(ProcessHandle::destroyForcibly);
				launcher.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static Duration awaitHealthy(long started, Duration timeout, Process launcher) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = started + timeout.toNanos();
		while (true) {
			boolean all = SERVICES.entrySet()
				.stream()
				.allMatch(service -> healthy(http, service.getValue(), healthPath(service.getKey())));
			if (all) {
				return Duration.ofNanos(System.nanoTime() - started);
			}
			if (launcher != null && !launcher.isAlive()) {
				throw new IllegalStateException("The launcher exited with " + launcher.exitValue()
						+ " before all services were healthy; see benchmarks/target/stack/launcher.log");
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Not all services healthy within " + timeout + " (ports "
						+ SERVICES.values() + "); start the stack or drop --attach");
			}
			sleep(100);
		}
	}

	/** Identity says it is up by its readiness, as the launcher asks it. */
	private static String healthPath(String service) {
		return service.equals("identity") ? "/actuator/health/readiness" : "/actuator/health";
	}

	private static boolean healthy(HttpClient http, int port, String path) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The launcher runs on this JVM's classpath, made absolute because its working
	 * directory differs.
	 */
	private static String absoluteClassPath() {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			entries.add(Path.of(entry).toAbsolutePath().toString());
		}
		return String.join(File.pathSeparator, entries);
	}

	private static Map<String, Integer> servicePorts() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("identity", 9000);
		ports.put("workflow", 8080);
		ports.put("intake", 8081);
		ports.put("imaging", 8082);
		ports.put("scheduling", 8083);
		ports.put("notification", 8084);
		ports.put("timeline", 8085);
		ports.put("portal", 8086);
		return ports;
	}

	static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}

	Path root() {
		return root;
	}

}
