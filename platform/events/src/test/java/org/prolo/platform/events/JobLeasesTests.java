package org.prolo.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

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

	final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T08:00:00Z"));

	final List<AutoCloseable> closeAfter = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = closeAfter.size() - 1; i >= 0; i--) {
			closeAfter.get(i).close();
		}
	}

	@Test
	void aJobBothNodesScheduleRunsOncePerPeriodOnH2() throws Exception {
		String url = "jdbc:h2:mem:leases-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		runsOncePerPeriod(new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "")),
				new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "")));
	}

	@Test
	void aJobBothNodesScheduleRunsOncePerPeriodOnPostgres() throws Exception {
		LocalPostgres database = LocalPostgres.createDatabase("prolo_job_lease");
		closeAfter.add(database);
		runsOncePerPeriod(new JdbcTemplate(pool(database)), new JdbcTemplate(pool(database)));
	}

	private void runsOncePerPeriod(JdbcTemplate a, JdbcTemplate b) throws Exception {
		a.execute(TABLE);
		Clock clock = new Clock() {
			@Override
			public Instant instant() {
				return now.get();
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}
		};
		JobLeases nodeA = new JobLeases(a, clock, "node-a");
		JobLeases nodeB = new JobLeases(b, clock, "node-b");
		AtomicInteger runs = new AtomicInteger();

		// The very first period: both nodes race for a row that does not exist yet.
		assertThat(raceFor(nodeA, nodeB, runs)).isEqualTo(1);
		// Later in the same period: neither runs it again.
		now.set(now.get().plus(PERIOD.dividedBy(2)));
		assertThat(raceFor(nodeA, nodeB, runs)).isZero();
		// Each following period: exactly one of them.
		for (int period = 1; period <= 3; period++) {
			now.set(now.get().plus(PERIOD));
			assertThat(raceFor(nodeA, nodeB, runs)).as("period %d", period).isEqualTo(1);
		}
		assertThat(runs).hasValue(4);
	}

	@Test
	void whenTheNodeThatRanStopsTheOtherRunsTheNextPeriod() {
		String url = "jdbc:h2:mem:leases-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
		JdbcTemplate jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""));
		jdbc.execute(TABLE);
		Clock at = Clock.fixed(now.get(), ZoneOffset.UTC);
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

	private HikariDataSource pool(LocalPostgres database) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.jdbcUrl());
		pool.setUsername(LocalPostgres.username());
		pool.setPassword(LocalPostgres.password());
		pool.setMaximumPoolSize(4);
		closeAfter.add(pool);
		return pool;
	}

}
