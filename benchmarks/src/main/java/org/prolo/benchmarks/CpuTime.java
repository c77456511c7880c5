package org.prolo.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

}
