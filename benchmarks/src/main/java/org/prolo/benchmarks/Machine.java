package org.prolo.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** What the figures were taken on, printed with every run. */
final class Machine {

	private static String loadAtStart = "n/a";

	private Machine() {
	}

	/** The load average printed in the header, for result tables. */
	static String loadAtStart() {
		return loadAtStart;
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException e) {
			return "n/a";
		}
	}

	static void printHeader(String benchmark, String commandLine) {
		loadAtStart = loadAverage();
		System.out.printf("# %s  %s%n", benchmark, Instant.now());
		System.out.printf("# command: %s%n", commandLine);
		System.out.printf("# cpus %d, JDK %s, load average (1/5/15 min) %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAtStart);
	}

	static void printFooter() {
		System.out.printf("# load average at the end (1/5/15 min) %s%n", loadAverage());
	}

}
