package org.prolo.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident set size of a process, from {@code /proc/<pid>/status} (Linux). */
public final class Rss {

	private Rss() {
	}

	/**
	 * The VmRSS line of a status file in KiB; empty when there is none (a kernel thread,
	 * a zombie).
	 */
	public static OptionalLong kibibytes(String status) {
		for (String line : status.split("\n")) {
			if (line.startsWith("VmRSS:")) {
				String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
				long value = Long.parseLong(parts[0]);
				if (parts.length > 1 && !parts[1].equalsIgnoreCase("kB")) {
					throw new IllegalArgumentException("Unexpected unit in '" + line + "'");
				}
				return OptionalLong.of(value);
			}
		}
		return OptionalLong.empty();
	}

	/** RSS of a live process in MiB; empty when it is gone or not readable. */
	public static OptionalLong mebibytesOf(long pid) {
		try {
			OptionalLong kib = kibibytes(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
			return kib.isPresent() ? OptionalLong.of(kib.getAsLong() / 1024) : kib;
		}
		catch (IOException | RuntimeException e) {
			return OptionalLong.empty();
		}
	}

}
