package org.prolo.workflow;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * The real identity service (services/identity) for the browser tests: its jar, started
 * as a process of its own on a free port, with that port in its issuer and the workflow
 * service's port among prolo-web's redirect URIs. A process and not a context in this
 * JVM: the jar is a Spring Boot jar (its classes are not loadable from it), and in this
 * JVM it would pick up the workflow's auto-configurations (Camunda, Kafka, the resource
 * server). Its log goes to {@code target/identity-<name>.log}. It runs the demo profile:
 * the browser tests sign in as its demo users, through its demo client prolo-web.
 */
public final class IdentityServer implements AutoCloseable {

	static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Process process;

	private final int port;

	private IdentityServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * @param name names the log file
	 * @param clientPort the port of the workflow service that signs people in here
	 */
	public static IdentityServer start(String name, int clientPort) {
		String jar = System.getProperty("prolo.identity.jar");
		if (jar == null || !Files.isRegularFile(Paths.get(jar))) {
			fail("No identity service jar (system property prolo.identity.jar, set by the pom from the "
					+ "org.prolo:identity dependency): " + jar);
		}
		int port = freePort();
		try {
			Path work = Files.createDirectories(Paths.get("target", "identity-" + name));
			String java = ProcessHandle.current().info().command().orElse("java");
			Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar,
					"--server.port=" + port, "--prolo.identity.issuer=http://localhost:" + port,
					// The demo users sign in here; its database goes beside the key.
					"--spring.profiles.active=demo", "--prolo.data-dir=" + work.toAbsolutePath(),
					"--prolo.identity.key-file=" + work.toAbsolutePath().resolve("jwk.json"),
					"--prolo.identity.redirect-hosts=localhost,127.0.0.1",
					"--prolo.identity.redirect-ports=" + clientPort, "--spring.profiles.active=demo"))
				.redirectErrorStream(true)
				.redirectOutput(Paths.get("target", "identity-" + name + ".log").toFile())
				.start();
			// Also when a test run ends without its @AfterAll: no identity service left
			// behind.
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
			IdentityServer server = new IdentityServer(process, port);
			server.awaitReady();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The issuer of its tokens, also where browsers and services reach it. */
	public String issuer() {
		return "http://localhost:" + this.port;
	}

	/**
	 * Fills in its login form, where a browser that is not yet signed in was sent: the
	 * demo users' password is their user id.
	 */
	public static void signIn(Page page, String user) {
		page.locator("#username").fill(user);
		page.locator("#password").fill(user);
		page.locator("button[type=submit]").click();
	}

	/** A free port for a server that starts a little later. */
	public static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest ready = HttpRequest.newBuilder(URI.create(issuer() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				fail("The identity service exited with " + this.process.exitValue() + "; see target/identity-*.log");
			}
			try {
				if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		close();
		fail("The identity service was not ready within " + START_TIMEOUT);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
