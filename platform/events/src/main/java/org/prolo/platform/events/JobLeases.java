package org.prolo.platform.events;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Single-runner scheduled jobs on several nodes: before a periodic job runs, its node
 * leases the job's row for one period, and a node that finds the row leased by another
 * skips that run. So a job that every node schedules runs once a period in the whole
 * service, on whichever node comes first, and carries on elsewhere when that node stops
 * (its lease runs out after at most one period).
 *
 * <p>
 * The lease is kept for the whole period, not given back when the job returns: a job that
 * hands work to other threads (the outbox's resubmission does) has not finished when it
 * returns, and another node starting the same job then would hand out the same work
 * twice. Times are the nodes' clocks; nodes whose clocks disagree by a few seconds
 * shorten or lengthen one period by that much.
 *
 * <p>
 * Each service's schema that uses it has the table:
 * {@code job_lease(job_name varchar(100) primary key, leased_until timestamp with time zone not null, leased_by varchar(200) not null)},
 * on PostgreSQL or H2 in any mode. Statements run without a transaction of the caller's:
 * each one commits at once, so a lease is visible to the other nodes as soon as it is
 * taken.
 */
public class JobLeases {

	private static final Logger log = LoggerFactory.getLogger(JobLeases.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final String node;

	public JobLeases(JdbcTemplate jdbc, Clock clock) {
		this(jdbc, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
	}

	/**
	 * @param node this node's name in the table: unique among the nodes (two nodes of one
	 * name would take each other's leases)
	 */
	public JobLeases(JdbcTemplate jdbc, Clock clock, String node) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.node = node;
	}

	/**
	 * Runs {@code job} if this node gets the lease of {@code jobName} for {@code period}.
	 * @return whether it ran here
	 */
	public boolean runOncePer(String jobName, Duration period, Runnable job) {
		if (!lease(jobName, period)) {
			log.debug("{} runs on another node this period", jobName);
			return false;
		}
		job.run();
		return true;
	}

	/** Takes the lease if nobody holds it now. */
	boolean lease(String jobName, Duration period) {
		Instant now = clock.instant();
		Timestamp until = Timestamp.from(now.plus(period));
		int taken = jdbc.update(
				"update job_lease set leased_until = ?, leased_by = ? where job_name = ? and leased_until <= ?", until,
				node, jobName, Timestamp.from(now));
		if (taken == 1) {
			return true;
		}
		try {
			// The first run ever: no row yet. Of two nodes inserting at once one wins,
			// the other's duplicate key means "leased".
			return jdbc.update(
					"insert into job_lease (job_name, leased_until, leased_by) select ?, ?, ? "
							+ "where not exists (select 1 from job_lease where job_name = ?)",
					jobName, until, node, jobName) == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
