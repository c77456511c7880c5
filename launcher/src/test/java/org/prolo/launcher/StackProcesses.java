package org.prolo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the test stacks ({@link CrashStack}, {@link ReplicaStack}) do with the service
 * processes they start: wait until one is healthy, stop them as an orchestrator does,
 * find a port for their broker.
 */
final class StackProcesses {

	private static final HealthProbe PROBE = new HealthProbe(
			HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build());

	private StackProcesses() {
	}

	/**
	 * What stands in the way of starting the services from the jars under {@code root}: a
	 * jar not built, a port taken.
	 */
	static List<String> problemsStarting(Path root, List<ServiceSpec> services) {
		List<String> problems = new ArrayList<>();
		for (ServiceSpec spec : services) {
			if (!Files.isRegularFile(spec.jar(root))) {
				problems
					.add("missing " + spec.jar(root) + " (build the services first: ./mvnw -B package -DskipTests)");
			}
			if (!Launcher.portIsFree(spec.port())) {
				problems.add("port " + spec.port() + " (" + spec.name() + ") is in use");
			}
		}
		return problems;
	}

	/**
	 * Waits until the service's health endpoint says UP; fails with the tail of its log
	 * when it exits first, or when it is not healthy within {@code within}.
	 */
	static void awaitHealthy(String name, ServiceProcess service, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (!PROBE.check(service.spec().healthUrl())) {
			if (!service.process().isAlive()) {
				throw new IllegalStateException(name + " exited with " + service.process().exitValue() + ":\n"
						+ String.join("\n", LogTail.lastLines(service.logFile(), 40)));
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						name + " was not healthy within " + within.toSeconds() + " s; see " + service.logFile());
			}
			Thread.sleep(500);
		}
	}

	/**
	 * SIGTERM to every one still alive at once, then SIGKILL to those still running after
	 * the grace period, each of which {@code killed} hears of.
	 */
	static void stop(Collection<ServiceProcess> services, Duration grace, Consumer<ServiceProcess> killed) {
		List<ServiceProcess> alive = services.stream().filter(service -> service.process().isAlive()).toList();
		alive.forEach(service -> service.process().destroy());
		long deadline = System.nanoTime() + grace.toNanos();
		for (ServiceProcess service : alive) {
			try {
				if (!service.process().waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
					killed.accept(service);
					service.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				service.process().destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
