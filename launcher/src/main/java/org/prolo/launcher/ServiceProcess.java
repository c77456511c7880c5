package org.prolo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A service running as its own OS process, with its output going to its log file. */
final class ServiceProcess {

	private final ServiceSpec spec;

	private final Process process;

	private final Path logFile;

	private final long startedNanos;

	private ServiceProcess(ServiceSpec spec, Process process, Path logFile, long startedNanos) {
		this.spec = spec;
		this.process = process;
		this.logFile = logFile;
		this.startedNanos = startedNanos;
	}

	/**
	 * Every service runs with the demo profile, whoever starts it through here (the
	 * launcher, the system and crash tests); {@code postgres} adds the postgres profile.
	 */
	static List<String> command(ServiceSpec spec, Path java, Path root, String kafkaBootstrap, Path dataDir,
			boolean postgres) {
		List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + spec.maxHeap(),
				// Eight JVMs start within seconds on two cores: the C1-only JIT and the
				// serial collector start faster and leave the CPU to the others;
				// throughput does not matter for a local demo.
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", spec.jar(root).toString(),
				"--server.port=" + spec.port(), "--spring.kafka.bootstrap-servers=" + kafkaBootstrap,
				// The launcher's broker is one in-process node: one copy of each
				// partition.
				"--prolo.events.replication-factor=1", "--prolo.events.min-insync-replicas=1",
				"--prolo.data-dir=" + dataDir,
				"--spring.profiles.active=" + ServiceSpec.DEMO_PROFILE + (postgres ? ",postgres" : "")));
		return List.copyOf(command);
	}

	static ServiceProcess start(ServiceSpec spec, List<String> command, Path workingDir, Path logFile) {
		// umask 077: the H2 files and anything else the service writes under .local/ are
		// the user's alone, like the directories the launcher made for them.
		ProcessBuilder builder = new ProcessBuilder(OwnerOnly.withUmask(command)).directory(workingDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
		try {
			OwnerOnly.file(logFile);
			long started = System.nanoTime();
			Process process = builder.start();
			// Nothing is ever typed into a service; an open stdin pipe would only hold a
			// file handle.
			process.getOutputStream().close();
			return new ServiceProcess(spec, process, logFile, started);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start " + spec.name() + " with " + command, e);
		}
	}

	ServiceSpec spec() {
		return spec;
	}

	Process process() {
		return process;
	}

	Path logFile() {
		return logFile;
	}

	long elapsedMillis() {
		return (System.nanoTime() - startedNanos) / 1_000_000;
	}

}
