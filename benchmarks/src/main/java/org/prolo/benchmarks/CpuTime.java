package org.prolo.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time (user + system) of processes from {@code /proc/<pid>/stat}, to show where the
 * time of a load step went: which service, the PostgreSQL server, the load generator.
 */
final class CpuTime {

	/** Linux reports in clock ticks; USER_HZ is 100 on every common kernel. */
	static final int TICKS_PER_SECOND = 100;

	private CpuTime() {
	}

	/**
	 * utime + stime in ticks from the text of a stat file; the command may contain spaces
	 * and parentheses.
	 */
	static long ticks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
		// fields[0] is the state (field 3), so utime (field 14) and stime (field 15) are
		// at 11 and 12.
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	static long ticksOf(long pid) {
		try {
			return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	/**
	 * Ticks per named process, plus every PostgreSQL server process together and this
	 * JVM.
	 */
	static Map<String, Long> snapshot(Map<String, Long> pids) {
		Map<String, Long> ticks = new LinkedHashMap<>();
		pids.forEach((name, pid) -> ticks.put(name, ticksOf(pid)));
		ticks.put("postgresql (all backends)", postgresTicks());
		ticks.put("load generator (this JVM)", ticksOf(ProcessHandle.current().pid()));
		return ticks;
	}

	/** "name 12.3 s" for each process, the CPU seconds between two snapshots. */
	static String between(Map<String, Long> before, Map<String, Long> after) {
		StringBuilder line = new StringBuilder();
		after.forEach((name, ticks) -> {
			double seconds = (ticks - before.getOrDefault(name, 0L)) / (double) TICKS_PER_SECOND;
			line.append(line.isEmpty() ? "" : ", ").append(String.format("%s %.1f s", name, seconds));
		});
		return line.toString();
	}

	private static long postgresTicks() {
		long total = 0;
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				try {
					if (Files.readString(process.resolve("comm")).trim().startsWith("postgres")) {
						total += ticks(Files.readString(process.resolve("stat")));
					}
				}
				catch (IOException | RuntimeException e) {
					// gone meanwhile
				}
			}
		}
		catch (IOException e) {
			return 0;
		}
		return total;
	}

}
