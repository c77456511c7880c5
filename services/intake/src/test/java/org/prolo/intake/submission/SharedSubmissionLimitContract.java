package org.prolo.intake.submission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Two intake nodes, each with its own {@link SubmissionRateLimit} and its own connection
 * pool, over one database: the physician's budget is spent once between them, also when
 * both take from it at the same moment. Time is passed in, so no token grows back while
 * the test runs.
 */
abstract class SharedSubmissionLimitContract {

	static final long MINUTE = Duration.ofMinutes(1).toNanos();

	final AtomicLong now = new AtomicLong(1_000 * MINUTE);

	SubmissionRateLimit nodeA;

	SubmissionRateLimit nodeB;

	/** A fresh database; each call gives a new data source (a node's own pool). */
	abstract DataSource newDataSource();

	@BeforeEach
	void twoNodesOverOneMigratedDatabase() {
		DataSource first = newDataSource();
		Flyway.configure().dataSource(first).locations("classpath:db/migration").load().migrate();
		nodeA = node(first, 1, 5);
		nodeB = node(newDataSource(), 1, 5);
	}

	SubmissionRateLimit node(DataSource dataSource, int perMinute, int burst) {
		var budgets = new SubmissionBudgets(JdbcClient.create(dataSource),
				new DataSourceTransactionManager(dataSource));
		return new SubmissionRateLimit(perMinute, burst, budgets, now::get);
	}

	@Test
	void aBurstSpreadOverTwoNodesIsRefusedOnceSpentOnEither() {
		nodeA.acquire("dr-ada");
		nodeB.acquire("dr-ada");
		nodeA.acquire("dr-ada");
		nodeB.acquire("dr-ada");
		nodeA.acquire("dr-ada");

		var refusedOnB = catchThrowableOfType(SubmissionRateLimitedException.class, () -> nodeB.acquire("dr-ada"));
		var refusedOnA = catchThrowableOfType(SubmissionRateLimitedException.class, () -> nodeA.acquire("dr-ada"));

		assertThat(refusedOnB).isNotNull();
		assertThat(refusedOnB.retryAfter()).isEqualTo(Duration.ofMinutes(1));
		assertThat(refusedOnA).isNotNull();
		nodeB.acquire("dr-ben");
	}

	@Test
	void aTokenThatGrewBackIsTakenByOneNodeOnly() {
		for (int i = 0; i < 5; i++) {
			nodeA.acquire("dr-ada");
		}
		now.addAndGet(MINUTE);

		nodeB.acquire("dr-ada");

		assertThat(catchThrowableOfType(SubmissionRateLimitedException.class, () -> nodeA.acquire("dr-ada")))
			.isNotNull();
	}

	@Test
	void concurrentSubmissionsOnBothNodesTakeExactlyTheBurst() throws Exception {
		int attemptsPerNode = 20;
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < attemptsPerNode; i++) {
			attempts.add(() -> taken(nodeA, "dr-runaway"));
			attempts.add(() -> taken(nodeB, "dr-runaway"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		int taken = 0;
		try {
			for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
				taken += attempt.get() ? 1 : 0;
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(taken).isEqualTo(5);
	}

	private static boolean taken(SubmissionRateLimit node, String physician) {
		try {
			node.acquire(physician);
			return true;
		}
		catch (SubmissionRateLimitedException ex) {
			return false;
		}
	}

}
