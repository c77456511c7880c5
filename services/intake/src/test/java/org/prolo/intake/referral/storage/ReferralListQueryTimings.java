package org.prolo.intake.referral.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.prolo.intake.referral.ReferralQuery;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.platform.events.LocalPostgres;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timings, not a test: a physician's list on the local PostgreSQL server with 10,000
 * referrals of theirs (and 10,000 of another physician), whole as intake read it before
 * paging and a page at a time as it reads it now, through the storage adapter (decryption
 * included; HTTP, JSON and the audit log not). Prints a table; runs only with
 * {@code -Dprolo.timings=true}. The stack-level figure is the benchmarks module's
 * {@code referrals} benchmark.
 */
@EnabledIfSystemProperty(named = "prolo.timings", matches = "true")
class ReferralListQueryTimings {

	private static final int REFERRALS = 10_000;

	@Test
	void timesTheListWholeAndAPageAtATime() {
		try (LocalPostgres database = LocalPostgres.createDatabase("prolo_intake_timings")) {
			DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), database.jdbcUrl(),
					LocalPostgres.username(), LocalPostgres.password());
			PatientDataCipher cipher = new PatientDataCipher(Map.of("a", PatientDataCipherTests.KEY_A), "a");
			Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration")
				.javaMigrations(new EncryptingExistingPatientData(cipher))
				.load()
				.migrate();
			JdbcReferrals referrals = new JdbcReferrals(JdbcClient.create(dataSource), Clock.systemUTC(), cipher);
			Instant start = Instant.parse("2026-01-01T08:00:00Z");
			long seeding = System.nanoTime();
			for (int i = 0; i < REFERRALS; i++) {
				ReferralStatus status = (i % 10 == 0) ? ReferralStatus.INFO_REQUESTED : ReferralStatus.TRIAGE;
				referrals.add(ReferralListStorageContract.referral("R-ada-" + i, "dr-ada", start.plusSeconds(600L * i),
						status, "REF-%05d".formatted(i)));
				referrals.add(ReferralListStorageContract.referral("R-ben-" + i, "dr-ben",
						start.plusSeconds(600L * i + 1), status, null));
			}
			System.out.printf("# seeded %,d referrals in %.1f s; ANALYZE (autovacuum is off here)%n", 2 * REFERRALS,
					(System.nanoTime() - seeding) / 1e9);
			new JdbcTemplate(dataSource).execute("analyze");

			System.out.println("| dr-ada's list, 10,000 referrals (storage adapter, PostgreSQL) | rows | p50 ms | "
					+ "p95 ms | p99 ms | max ms |");
			System.out.println("|---|---:|---:|---:|---:|---:|");
			row("whole list, as before paging", 5, 20, () -> referrals.findByReferrerId("dr-ada").size());
			row("first page (size 20)", 20, 200,
					() -> referrals
						.findByReferrerId("dr-ada", new ReferralQuery(Optional.empty(), Optional.empty(), 0, 20))
						.referrals()
						.size());
			row("middle page (250 of 500)", 20, 200,
					() -> referrals
						.findByReferrerId("dr-ada", new ReferralQuery(Optional.empty(), Optional.empty(), 250, 20))
						.referrals()
						.size());
			row("status INFO_REQUESTED, first page", 20, 200,
					() -> referrals
						.findByReferrerId("dr-ada",
								new ReferralQuery(Optional.of(ReferralStatus.INFO_REQUESTED), Optional.empty(), 0, 20))
						.referrals()
						.size());
			row("reference REF-0421 (10 match)", 20, 200,
					() -> referrals
						.findByReferrerId("dr-ada", new ReferralQuery(Optional.empty(), Optional.of("REF-0421"), 0, 20))
						.referrals()
						.size());
			plan(dataSource, "select id from referral where referrer_id = 'dr-ada' "
					+ "order by submitted_at desc, id desc limit 20 offset 5000");
			plan(dataSource, "select id from referral where referrer_id = 'dr-ada' and status = 'INFO_REQUESTED' "
					+ "order by submitted_at desc, id desc limit 20");
		}
	}

	private static void row(String name, int warmup, int runs, Supplier<Integer> query) {
		int rows = 0;
		for (int i = 0; i < warmup; i++) {
			rows = query.get();
		}
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			rows = query.get();
			nanos.add(System.nanoTime() - started);
		}
		assertThat(rows).isPositive();
		nanos.sort(null);
		System.out.printf("| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", name, rows, millis(nanos, 50),
				millis(nanos, 95), millis(nanos, 99), nanos.get(nanos.size() - 1) / 1e6);
	}

	private static double millis(List<Long> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	private static void plan(DataSource dataSource, String sql) {
		System.out.println("EXPLAIN " + sql);
		new JdbcTemplate(dataSource).queryForList("explain " + sql, String.class)
			.forEach(line -> System.out.println("    " + line));
	}

}
