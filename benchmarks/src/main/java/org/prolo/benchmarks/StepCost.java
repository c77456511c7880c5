package org.prolo.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where one load step's CPU went, per referral: each named process (the services, the
 * broker's JVM, this load generator) from {@code /proc/<pid>/stat}, and PostgreSQL split
 * by database. PostgreSQL runs one backend process per connection, and
 * {@code pg_stat_activity} names each backend's database, so a backend's CPU ticks are
 * its database's; the pools of the services keep their connections for the whole step.
 * The server's own processes (WAL writer, checkpointer, ...) and backends that ended
 * during the step are "other". With the CPU: commits and rows written per database
 * ({@code pg_stat_database}) and the WAL written ({@code pg_stat_wal}), also per
 * referral.
 */
final class StepCost {

	static final String POSTGRES_OTHER = "postgresql: server processes, ended backends";

	/**
	 * Databases of other people's work on a shared server: shown, but not counted in the
	 * benchmark's total.
	 */
	static final String POSTGRES_FOREIGN = "postgresql: other databases (not this benchmark)";

	private static final String POSTGRES_PREFIX = "postgresql: ";

	/** What one snapshot saw. */
	record Snapshot(long nanos, Map<String, Long> processTicks, Map<Long, Long> postgresTicks,
			Map<Long, String> databaseOfBackend, Map<String, long[]> databaseCounters, long walBytes, long walRecords) {
	}

	private final Map<String, Long> pids;

	private final Set<String> databases;

	private final Snapshot before;

	private StepCost(Map<String, Long> pids, Set<String> databases, Snapshot before) {
		this.pids = pids;
		this.databases = databases;
		this.before = before;
	}

	/**
	 * Starts accounting for a step of the named processes (plus this JVM) working on the
	 * given databases.
	 */
	static StepCost start(Map<String, Long> pids, Set<String> databases) {
		return new StepCost(pids, Set.copyOf(databases), snapshot(pids));
	}

	/** Ends the step: the figures since {@link #start}. */
	Figures stop() {
		return figures(before, snapshot(pids), databases);
	}

	/**
	 * The CPU seconds and PostgreSQL work between two snapshots; backends of databases
	 * other than {@code databases} are one row of their own.
	 */
	static Figures figures(Snapshot before, Snapshot after, Set<String> databases) {
		Map<String, Double> cpu = new LinkedHashMap<>();
		after.processTicks()
			.forEach((name, ticks) -> cpu.put(name, seconds(ticks - before.processTicks().getOrDefault(name, 0L))));
		Map<Long, String> databaseOf = new HashMap<>(before.databaseOfBackend());
		databaseOf.putAll(after.databaseOfBackend());
		Map<Long, Long> ownBefore = new HashMap<>();
		Map<Long, Long> ownAfter = new HashMap<>();
		double foreign = 0;
		for (Map.Entry<Long, Long> process : after.postgresTicks().entrySet()) {
			long pid = process.getKey();
			long was = before.postgresTicks().getOrDefault(pid, 0L);
			String database = databaseOf.get(pid);
			if (database != null && !databases.contains(database)) {
				foreign += seconds(process.getValue() - was);
			}
			else {
				ownAfter.put(pid, process.getValue());
				ownBefore.put(pid, was);
			}
		}
		Map<String, Double> byDatabase = postgresByDatabase(ownBefore, ownAfter, databaseOf);
		Map<String, long[]> counters = new TreeMap<>();
		after.databaseCounters().forEach((database, values) -> {
			long[] was = before.databaseCounters().getOrDefault(database, new long[values.length]);
			long[] delta = new long[values.length];
			for (int i = 0; i < values.length; i++) {
				delta[i] = values[i] - was[i];
			}
			counters.put(database, delta);
		});
		return new Figures((after.nanos() - before.nanos()) / 1e9, cpu, byDatabase, foreign, counters,
				after.walBytes() - before.walBytes(), after.walRecords() - before.walRecords());
	}

	/**
	 * CPU seconds per database: each PostgreSQL process's ticks during the step, given to
	 * the database its backend is connected to; a process that started during the step
	 * counts whole. Processes with no database are the server's own.
	 */
	static Map<String, Double> postgresByDatabase(Map<Long, Long> before, Map<Long, Long> after,
			Map<Long, String> databaseOf) {
		Map<String, Long> ticks = new TreeMap<>();
		after.forEach((pid, now) -> {
			String database = databaseOf.get(pid);
			String name = (database == null) ? POSTGRES_OTHER : POSTGRES_PREFIX + database;
			ticks.merge(name, now - before.getOrDefault(pid, 0L), Long::sum);
		});
		ticks.putIfAbsent(POSTGRES_OTHER, 0L);
		// Ticks of backends that ended before the step's end are lost to /proc; they are
		// few (the pools keep their connections), and said so in the table's header.
		Map<String, Double> seconds = new LinkedHashMap<>();
		ticks.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach(entry -> seconds.put(entry.getKey(), seconds(entry.getValue())));
		return seconds;
	}

	private static double seconds(long ticks) {
		return ticks / (double) CpuTime.TICKS_PER_SECOND;
	}

	static Snapshot snapshot(Map<String, Long> pids) {
		Map<String, Long> processes = new LinkedHashMap<>();
		pids.forEach((name, pid) -> processes.put(name, CpuTime.ticksOf(pid)));
		processes.put("load generator (this JVM)", CpuTime.ticksOf(ProcessHandle.current().pid()));
		Map<Long, String> databaseOf = new HashMap<>();
		Map<String, long[]> counters = new HashMap<>();
		long walBytes = 0;
		long walRecords = 0;
		try (Connection connection = Postgres.connect("postgres"); Statement sql = connection.createStatement()) {
			try (ResultSet rows = sql
				.executeQuery("select pid, datname from pg_stat_activity where datname is not null")) {
				while (rows.next()) {
					databaseOf.put(rows.getLong(1), rows.getString(2));
				}
			}
			try (ResultSet rows = sql.executeQuery("select datname, xact_commit, xact_rollback, tup_inserted, "
					+ "tup_updated, tup_deleted, tup_returned + tup_fetched from pg_stat_database "
					+ "where datname is not null")) {
				while (rows.next()) {
					long[] values = new long[6];
					for (int i = 0; i < values.length; i++) {
						values[i] = rows.getLong(i + 2);
					}
					counters.put(rows.getString(1), values);
				}
			}
			try (ResultSet rows = sql.executeQuery("select wal_bytes, wal_records from pg_stat_wal")) {
				if (rows.next()) {
					walBytes = rows.getLong(1);
					walRecords = rows.getLong(2);
				}
			}
		}
		catch (SQLException e) {
			// A server without pg_stat_wal (before 14) or out of reach: CPU figures only.
			System.err.println("# no PostgreSQL statistics: " + e.getMessage());
		}
		return new Snapshot(System.nanoTime(), processes, postgresProcesses(), databaseOf, counters, walBytes,
				walRecords);
	}

	/** Ticks per PostgreSQL process on this machine. */
	static Map<Long, Long> postgresProcesses() {
		Map<Long, Long> ticks = new HashMap<>();
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				try {
					if (Files.readString(process.resolve("comm")).trim().startsWith("postgres")) {
						ticks.put(Long.parseLong(process.getFileName().toString()),
								CpuTime.ticks(Files.readString(process.resolve("stat"))));
					}
				}
				catch (IOException | RuntimeException e) {
					// gone meanwhile
				}
			}
		}
		catch (IOException e) {
			return Map.of();
		}
		return ticks;
	}

	/**
	 * One step's figures.
	 *
	 * @param databaseCounters per database: commits, rollbacks, rows inserted, updated,
	 * deleted, read
	 */
	record Figures(double wallSeconds, Map<String, Double> processCpu, Map<String, Double> postgresCpu,
			double foreignPostgresCpu, Map<String, long[]> databaseCounters, long walBytes, long walRecords) {

		double postgresTotal() {
			return postgresCpu.values().stream().mapToDouble(Double::doubleValue).sum();
		}

		double total() {
			return postgresTotal() + processCpu.values().stream().mapToDouble(Double::doubleValue).sum();
		}

		/** CPU seconds of every process and database, the largest first. */
		Map<String, Double> all() {
			Map<String, Double> all = new LinkedHashMap<>();
			List<Map.Entry<String, Double>> processes = new ArrayList<>(processCpu.entrySet());
			processes.add(Map.entry("postgresql (all processes)", postgresTotal()));
			processes.sort(Map.Entry.<String, Double>comparingByValue().reversed());
			for (Map.Entry<String, Double> process : processes) {
				all.put(process.getKey(), process.getValue());
				if (process.getKey().startsWith("postgresql (")) {
					postgresCpu.forEach((database, seconds) -> all.put("  " + database, seconds));
				}
			}
			if (foreignPostgresCpu > 0) {
				all.put(POSTGRES_FOREIGN, foreignPostgresCpu);
			}
			return all;
		}

		/**
		 * The step as a Markdown table: CPU seconds and milliseconds per referral of each
		 * process and database, and what PostgreSQL did per referral in each database.
		 */
		String table(String step, long referrals) {
			double per = Math.max(1, referrals);
			StringBuilder out = new StringBuilder();
			out.append(String.format(
					"CPU of step %s: %d referrals in %.1f s of wall time (%.1f core-seconds on %d "
							+ "cores); PostgreSQL by the database each backend serves:%n",
					step, referrals, wallSeconds, wallSeconds * Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().availableProcessors()));
			out.append(String.format("| process | CPU s | CPU ms / referral | commits / referral "
					+ "| rows inserted / updated / deleted per referral |%n|---|---:|---:|---:|---|%n"));
			all().forEach((name, seconds) -> {
				String database = name.trim().startsWith(POSTGRES_PREFIX)
						? name.trim().substring(POSTGRES_PREFIX.length()) : null;
				long[] counters = (database != null) ? databaseCounters.get(database) : null;
				out.append(String.format("| %s | %.1f | %.2f | %s | %s |%n", name, seconds, seconds * 1000 / per,
						(counters != null) ? String.format("%.1f", counters[0] / per) : "",
						(counters != null) ? String.format("%.1f / %.1f / %.1f", counters[2] / per, counters[3] / per,
								counters[4] / per) : ""));
			});
			out.append(String.format("| **all of this benchmark** | **%.1f** | **%.2f** | | |%n", total(),
					total() * 1000 / per));
			out.append(String.format("WAL (the whole server's): %.1f MB, %.1f kB and %.0f records per referral%n",
					walBytes / 1e6, walBytes / 1e3 / per, walRecords / per));
			return out.toString();
		}

	}

	/**
	 * CPU milliseconds per referral of each process and database (rows) in each step
	 * (columns), as a Markdown table.
	 */
	static String summary(List<String> steps, List<Figures> figures, List<Long> referrals) {
		StringBuilder out = new StringBuilder("| CPU ms per referral |");
		steps.forEach(step -> out.append(' ').append(step).append(" |"));
		out.append(System.lineSeparator()).append("|---|");
		steps.forEach(step -> out.append("---:|"));
		out.append(System.lineSeparator());
		List<String> rows = new ArrayList<>();
		figures.forEach(step -> step.all().keySet().stream().filter(row -> !rows.contains(row)).forEach(rows::add));
		rows.remove(POSTGRES_FOREIGN);
		rows.add("**all of this benchmark**");
		rows.add(POSTGRES_FOREIGN);
		for (String row : rows) {
			out.append("| ").append(row).append(" |");
			for (int i = 0; i < figures.size(); i++) {
				Figures step = figures.get(i);
				double seconds = row.startsWith("**all") ? step.total() : step.all().getOrDefault(row, 0.0);
				out.append(String.format(" %.2f |", seconds * 1000 / Math.max(1, referrals.get(i))));
			}
			out.append(System.lineSeparator());
		}
		return out.toString();
	}

}
