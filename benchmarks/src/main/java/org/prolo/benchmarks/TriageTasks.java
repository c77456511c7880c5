package org.prolo.benchmarks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the engine's tables of the workflow database: when each referral's triage task
 * was created (the engine's clock, in the transaction that commits it) and, for a sample,
 * when its instance first became visible to another session (the commit, within the poll
 * interval).
 */
final class TriageTasks implements AutoCloseable {

	private static final String CREATED = """
			select e.business_key_, t.create_time_ from act_ru_execution e
			join act_ru_task t on t.proc_inst_id_ = e.id_
			where e.business_key_ = any(?) and e.parent_id_ is null and t.task_def_key_ = 'triage'""";

	/**
	 * The instance row commits with its task: a visible instance waiting at triage has a
	 * visible task.
	 */
	private static final String VISIBLE = """
			select business_key_ from act_ru_execution where business_key_ = any(?) and parent_id_ is null""";

	private final Connection connection;

	private final Map<String, Long> pending = new ConcurrentHashMap<>();

	private final Map<String, Long> visibleAfter = new ConcurrentHashMap<>();

	private final Thread poller;

	private volatile boolean running = true;

	TriageTasks(String database, long pollMillis) throws SQLException {
		this.connection = Postgres.connect(database);
		// The engine's tables grow from nothing during a run, faster than autovacuum
		// analyzes them; with stale
		// statistics the planner would scan act_ru_task for these look-ups and the
		// measurement would load the
		// server it measures. This session only.
		try (var sql = connection.createStatement()) {
			sql.execute("set enable_seqscan = off");
		}
		this.poller = new Thread(() -> poll(pollMillis), "triage-visibility-poller");
		this.poller.setDaemon(true);
		this.poller.start();
	}

	/**
	 * Watches a sampled referral until its task is visible; {@code sentEpochMillis} is
	 * its intended send time.
	 */
	void watch(String referralId, long sentEpochMillis) {
		pending.put(referralId, sentEpochMillis);
	}

	/** Milliseconds from send to commit-visible, per watched referral seen so far. */
	Map<String, Long> visibleAfter() {
		return visibleAfter;
	}

	int stillPending() {
		return pending.size();
	}

	/** The triage task's create time (epoch ms) of each referral that has one. */
	synchronized Map<String, Long> createTimes(List<String> referralIds) throws SQLException {
		Map<String, Long> created = new HashMap<>();
		for (int from = 0; from < referralIds.size(); from += 5000) {
			List<String> chunk = referralIds.subList(from, Math.min(referralIds.size(), from + 5000));
			try (PreparedStatement query = connection.prepareStatement(CREATED)) {
				Array keys = connection.createArrayOf("varchar", chunk.toArray());
				query.setArray(1, keys);
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						Timestamp time = rows.getTimestamp(2);
						created.put(rows.getString(1), time.getTime());
					}
				}
			}
		}
		return created;
	}

	private void poll(long pollMillis) {
		while (running) {
			try {
				if (!pending.isEmpty()) {
					List<String> keys = new ArrayList<>(pending.keySet());
					List<String> seen = new ArrayList<>();
					synchronized (this) {
						try (PreparedStatement query = connection.prepareStatement(VISIBLE)) {
							query.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
							try (ResultSet rows = query.executeQuery()) {
								while (rows.next()) {
									seen.add(rows.getString(1));
								}
							}
						}
					}
					long now = System.currentTimeMillis();
					for (String key : seen) {
						Long sent = pending.remove(key);
						if (sent != null) {
							visibleAfter.put(key, now - sent);
						}
					}
				}
				Thread.sleep(pollMillis);
			}
			catch (InterruptedException e) {
				return;
			}
			catch (SQLException e) {
				System.err.println("poll failed: " + e.getMessage());
			}
		}
	}

	@Override
	public void close() throws SQLException {
		running = false;
		poller.interrupt();
		try {
			poller.join(2000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		connection.close();
	}

}
