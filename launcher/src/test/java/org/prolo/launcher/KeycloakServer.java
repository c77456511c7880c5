package org.prolo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak from Maven Central (org.keycloak:keycloak-quarkus-dist, which the launcher's
 * build unpacks into target/keycloak) in development mode with an in-memory database, on
 * free ports, with the realm of ops/keycloak imported: the clinic's own OpenID Connect
 * provider for tests that show the product trusts one that is not its own.
 */
record KeycloakServer(Process process, int port, Path log) implements AutoCloseable {

	static final String REALM = "prolo";

	static final Path REALM_FILE = Path.of("ops", "keycloak", "prolo-realm.json");

	/**
	 * Keycloak 26 needs Java 21 or later; the machines have Temurin 25 beside the
	 * product's 17. KEYCLOAK_JAVA_HOME names another.
	 */
	static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";

	/**
	 * On two busy cores the first start (Quarkus re-augments for development mode) takes
	 * a few minutes; later ones about a minute.
	 */
	private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

	static KeycloakServer start(Path root, Path dataDir) throws IOException, InterruptedException {
		Path home = home(root);
		Path imports = home.resolve("data").resolve("import");
		Files.createDirectories(imports);
		Files.copy(root.resolve(REALM_FILE), imports.resolve(REALM_FILE.getFileName()),
				StandardCopyOption.REPLACE_EXISTING);
		int port = StackProcesses.freePort();
		int management = StackProcesses.freePort();
		Files.createDirectories(dataDir.resolve("logs"));
		Path log = dataDir.resolve("logs").resolve("keycloak.log");
		ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
				// The issuer in every token: the address browsers and the services both
				// use.
				"--hostname=http://localhost:" + port, "--http-port=" + port,
				// The management interface (health) defaults to 9000, the identity
				// service's port.
				"--http-management-port=" + management, "--health-enabled=true", "--db=dev-mem", "--import-realm")
			.directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		String javaHome = System.getenv().getOrDefault("KEYCLOAK_JAVA_HOME", DEFAULT_JAVA_HOME);
		builder.environment().put("JAVA_HOME", javaHome);
		builder.environment().put("PATH", javaHome + "/bin:" + System.getenv("PATH"));
		// C1 only: Keycloak starts beside eight other JVMs on two cores.
		builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
		// The realm carries no secret of its own: the demo's, which the services accept
		// only in the demo profile the launcher turns on.
		for (String client : List.of("prolo-web", "intake", "workflow", "radiology", "prometheus")) {
			builder.environment()
				.put(client.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET", client + "-secret");
		}
		KeycloakServer keycloak = new KeycloakServer(builder.start(), port, log);
		keycloak.process.getOutputStream().close();
		try {
			keycloak.awaitReady(management);
		}
		catch (RuntimeException | InterruptedException e) {
			keycloak.close();
			throw e;
		}
		return keycloak;
	}

	/** The realm's issuer, as tokens name it. */
	String issuer() {
		return "http://localhost:" + port + "/realms/" + REALM;
	}

	private void awaitReady(int management) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI ready = URI.create("http://127.0.0.1:" + management + "/health/ready");
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail());
			}
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + ":\n" + tail());
	}

	private String tail() {
		List<String> lines = LogTail.lastLines(log, 40);
		return String.join("\n", lines);
	}

	@Override
	public void close() throws InterruptedException {
		// kc.sh runs a build JVM first and then execs the server, so the tree goes too.
		List<ProcessHandle> children = process.descendants().toList();
		process.destroy();
		children.forEach(ProcessHandle::destroy);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	private static Path home(Path root) throws IOException {
		Path unpacked = root.resolve("launcher/target/keycloak");
		if (!Files.isDirectory(unpacked)) {
			throw new IllegalStateException(
					"No Keycloak in " + unpacked + ": the launcher's build unpacks it (./mvnw -pl launcher verify)");
		}
		try (Stream<Path> homes = Files.list(unpacked)) {
			return homes.filter(path -> path.getFileName().toString().startsWith("keycloak-"))
				.filter(path -> Files.isRegularFile(path.resolve("bin/kc.sh")))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No keycloak-*/bin/kc.sh in " + unpacked));
		}
	}

}
