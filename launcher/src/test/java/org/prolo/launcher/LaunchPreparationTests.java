package org.prolo.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchPreparationTests {

	@TempDir
	Path root;

	@Test
	void theRepositoryRootComesFromThePropertyBeforeTheWorkingDirectory() throws IOException {
		Files.createDirectories(root.resolve("services"));
		Path elsewhere = Files.createTempDirectory("not-a-repo");

		assertThat(RepoRoot.resolve(root.toString(), elsewhere)).isEqualTo(root.toAbsolutePath().normalize());
		assertThat(RepoRoot.resolve(null, root)).isEqualTo(root.toAbsolutePath().normalize());
		assertThat(RepoRoot.resolve(" ", root)).isEqualTo(root.toAbsolutePath().normalize());
	}

	@Test
	void aDirectoryWithoutServicesIsNotTheRepositoryRoot() {
		assertThatThrownBy(() -> RepoRoot.resolve(root.toString(), Path.of("")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no services/ directory")
			.hasMessageContaining("-Drepo.root");
	}

	@Test
	void everyMissingJarIsReportedWithTheBuildHint() {
		List<String> problems = Launcher.preflightProblems(root, freePort());

		assertThat(problems).filteredOn(problem -> problem.startsWith("missing ")).hasSize(8);
		assertThat(problems)
			.contains("missing services/workflow/target/workflow.jar (build the services first: ./mvnw install -Pup)");
	}

	@Test
	void presentJarsAreNotReported() throws IOException {
		for (ServiceSpec service : ServiceSpec.ALL) {
			Files.createDirectories(service.jar(root).getParent());
			Files.writeString(service.jar(root), "not really a jar");
		}

		assertThat(Launcher.preflightProblems(root, freePort())).noneMatch(problem -> problem.startsWith("missing "));
	}

	@Test
	void aTakenKafkaPortIsReported() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			int port = taken.getLocalPort();

			assertThat(Launcher.portIsFree(port)).isFalse();
			assertThat(Launcher.preflightProblems(root, port))
				.contains("port " + port + " (Kafka) is already in use; is the system already running?");
		}
	}

	@Test
	void aPortNobodyListensOnIsFree() {
		assertThat(Launcher.portIsFree(freePort())).isTrue();
	}

	@Test
	void servicesAreStartedWithTheirHeapPortBrokerAndDataDirectory() {
		Path java = Path.of("/opt/jdk/bin/java");
		Path dataDir = root.resolve(".local/data/intake");
		ServiceSpec intake = ServiceSpec.named("intake");

		List<String> command = ServiceProcess.command(intake, java, root, "127.0.0.1:9092", dataDir, true);

		assertThat(command.get(0)).isEqualTo("/opt/jdk/bin/java");
		assertThat(command).contains("-Xmx256m", "--server.port=8081",
				"--spring.kafka.bootstrap-servers=127.0.0.1:9092", "--prolo.events.replication-factor=1",
				"--prolo.events.min-insync-replicas=1", "--prolo.data-dir=" + dataDir);
		assertThat(command).containsSubsequence("-jar", root.resolve("services/intake/target/intake.jar").toString());
	}

	/**
	 * The demo settings are each service's demo profile; the launcher's code turns it on
	 * for every service it starts (the launcher, SystemTests and CrashTests alike), on H2
	 * and on PostgreSQL.
	 */
	@Test
	void everyServiceStartsWithTheDemoProfile() {
		Path java = Path.of("/opt/jdk/bin/java");
		for (ServiceSpec spec : ServiceSpec.ALL) {
			assertThat(ServiceProcess.command(spec, java, root, "127.0.0.1:9092", root, false)).as(spec.name())
				.containsOnlyOnce("--spring.profiles.active=demo")
				.noneMatch(
						argument -> argument.startsWith("--spring.profiles.active=") && argument.contains("postgres"));
			assertThat(ServiceProcess.command(spec, java, root, "127.0.0.1:9092", root, true)).as(spec.name())
				.containsOnlyOnce("--spring.profiles.active=demo,postgres");
		}
	}

	/**
	 * What the demo wants lives in the services' demo profiles, not on the command line:
	 * every service but identity (whose own engineer keeps its file) has one, and the
	 * launcher passes no demo setting of its own.
	 */
	@Test
	void theDemoSettingsAreTheServicesDemoProfiles() throws IOException {
		Path java = Path.of("/opt/jdk/bin/java");
		for (ServiceSpec spec : ServiceSpec.ALL) {
			assertThat(ServiceProcess.command(spec, java, root, "127.0.0.1:9092", root, false)).as(spec.name())
				.noneMatch(argument -> argument.contains("auto-report") || argument.contains("rate-limit")
						|| argument.contains("secret"));
		}
		for (String service : List.of("workflow", "intake", "imaging", "scheduling", "notification", "timeline",
				"portal")) {
			Path demo = ComposeFileTests.ROOT
				.resolve("services/" + service + "/src/main/resources/application-demo.yml");
			assertThat(demo).as(service).exists();
		}
		assertThat(Files
			.readString(ComposeFileTests.ROOT.resolve("services/intake/src/main/resources/application-demo.yml")))
			.contains("per-minute: 1000000", "burst: 1000000");
		assertThat(Files
			.readString(ComposeFileTests.ROOT.resolve("services/imaging/src/main/resources/application-demo.yml")))
			.containsPattern("auto-report:\\s+#[^\\n]*\\n\\s+enabled: true");
	}

	@Test
	void withoutAutoReportOnlyImagingIsToldSo() {
		assertThat(LauncherOptions.parse("--no-auto-report").autoReport()).isFalse();
		assertThat(LauncherOptions.parse().autoReport()).isTrue();
		assertThat(ServiceSpec.NO_AUTO_REPORT).isEqualTo("--prolo.imaging.auto-report.enabled=false");
	}

	@Test
	void onlyTheSingleWorkflowNodeConsumesWithAThreadPerPartition() {
		assertThat(ServiceSpec.singleNodeSettings("workflow")).containsExactly("--spring.kafka.listener.concurrency=3");
		assertThat(ServiceSpec.singleNodeSettings("intake")).isEmpty();
	}

	@Test
	void identityStartsFirstThenWorkflowAndIntakeAndThePortalLast() {
		assertThat(ServiceSpec.ALL).extracting(ServiceSpec::name)
			.containsExactly("identity", "workflow", "intake", "imaging", "scheduling", "notification", "timeline",
					"portal");
		assertThat(ServiceSpec.ALL).extracting(ServiceSpec::port)
			.containsExactly(9000, 8080, 8081, 8082, 8083, 8084, 8085, 8086);
		assertThat(ServiceSpec.ALL).extracting(ServiceSpec::maxHeap)
			.containsExactly("256m", "512m", "256m", "256m", "256m", "256m", "256m", "256m");
		assertThat(ServiceSpec.ALL.subList(0, ServiceSpec.FIRST_WAVE)).extracting(ServiceSpec::name)
			.containsExactly("identity", "workflow", "intake");
	}

	@Test
	void identityIsUpWhenReadyAndTheOthersWhenHealthy() {
		assertThat(ServiceSpec.named("identity").healthUrl())
			.isEqualTo("http://127.0.0.1:9000/actuator/health/readiness");
		assertThat(ServiceSpec.named("portal").healthUrl()).isEqualTo("http://127.0.0.1:8086/actuator/health");
		assertThat(ServiceSpec.named("workflow").movedBy(100).healthUrl())
			.isEqualTo("http://127.0.0.1:8180/actuator/health");
	}

	@Test
	void identityKeepsItsSigningKeyInItsDataDirectory() {
		Path dataDir = root.resolve(".local/data/identity");

		List<String> command = ServiceProcess.command(ServiceSpec.named("identity"), Path.of("/opt/jdk/bin/java"), root,
				"127.0.0.1:9092", dataDir, true);

		assertThat(command).contains("--server.port=9000", "--prolo.data-dir=" + dataDir);
	}

	@Test
	void aCrashedServiceShowsTheLastLinesOfItsLog() throws IOException {
		Path log = root.resolve("intake.log");
		Files.write(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).toList());

		List<String> tail = LogTail.lastLines(log, 30);

		assertThat(tail).hasSize(30).startsWith("line 71").endsWith("line 100");
		assertThat(LogTail.lastLines(root.resolve("absent.log"), 30)).isEmpty();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
