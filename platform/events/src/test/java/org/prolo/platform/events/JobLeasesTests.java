package org.prolo.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.prolo.platform.testing.MovingClock;
import org.prolo.platform.testing.SharedDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes, each with its own {@link JobLeases} and connections, over one database (H2
 * in PostgreSQL mode, and the local PostgreSQL): a job both schedule runs once a period.
 * Time is a clock the test moves.
 */
class JobLeasesTests {

	static final Duration PERIOD = Duration.ofMinutes(1);

	static final String TABLE = "create table job_lease (job_name varchar(100) primary key, "
			+ "leased_until timestamp with time zone not null, leased_by varchar(200) not null)";

	final MovingClock clock = new MovingClock(Instant.parse("2026-03-02T08:00:00Z"));

	@RegisterExtension
	final SharedDatabase database = new SharedDatabase();

	@Test
	void aJobBothNodesScheduleRunsOncePerPeriodOnH2() throws Exception {
		runsOncePerPeriod(
				database.onH2("leases", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"));
	}

	@Test
	void aJobBothNodesScheduleRunsOncePerPeriodOnPostgres() throws Exception {
		runsOncePerPeriod(database.onPostgres("prolo_job_lease", 4));
	}

	private void runsOncePerPeriod(SharedDatabase.Nodes nodes) throws Exception {
		JdbcTemplate a = new JdbcTemplate(nodes.a());
		JdbcTemplate b = new JdbcTemplate(nodes.b());
		a.execute(TABLE);
		JobLeases nodeA = new JobLeases(a, clock, "node-a");
		JobLeases nodeB = new JobLeases(b, clock, "node-b");
		AtomicInteger runs = new AtomicInteger();

		// The very first period: both nodes race for a row that does not exist yet.
		assertThat(raceFor(nodeA, nodeB, runs)).isEqualTo(1);
		// Later in the same period: neither runs it again.
		clock.advance(PERIOD.dividedBy(2));
		assertThat(raceFor(nodeA, nodeB, runs)).isZero();
		// Each following period: exactly one of them.
		for (int period = 1; period <= 3; period++) {
			clock.advance(PERIOD);
			assertThat(raceFor(nodeA, nodeB, runs)).as("period %d", period).isEqualTo(1);
		}
		assertThat(runs).hasValue(4);
	}

	@Test
	void whenTheNodeThatRanStopsTheOtherRunsTheNextPeriod() {
		JdbcTemplate jdbc = new JdbcTemplate(database.onH2("leases", ";MODE=PostgreSQL").a());
		jdbc.execute(TABLE);
		Clock at = Clock.fixed(clock.instant(), ZoneOffset.UTC);
		List<String> ranOn = new ArrayList<>();

		new JobLeases(jdbc, at, "node-a").runOncePer("job", PERIOD, () -> ranOn.add("a"));
		// Node a stopped: nobody renews its lease.
		new JobLeases(jdbc, at, "node-b").runOncePer("job", PERIOD, () -> ranOn.add("b"));
		new JobLeases(jdbc, Clock.offset(at, PERIOD), "node-b").runOncePer("job", PERIOD, () -> ranOn.add("b"));

		assertThat(ranOn).containsExactly("a", "b");
	}

	/** Both nodes try the job at once, each from several threads; how many ran it. */
	private static int raceFor(JobLeases nodeA, JobLeases nodeB, AtomicInteger runs) throws Exception {
		AtomicInteger ranNow = new AtomicInteger();
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			attempts.add(() -> nodeA.runOncePer("outbox-retry", PERIOD, ranNow::incrementAndGet));
			attempts.add(() -> nodeB.runOncePer("outbox-retry", PERIOD, ranNow::incrementAndGet));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
				attempt.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		runs.addAndGet(ranNow.get());
		return ranNow.get();
	}

}
