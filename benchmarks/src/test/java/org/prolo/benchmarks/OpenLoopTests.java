package org.prolo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

class OpenLoopTests {

	@Test
	void arrivalsAreEvenlySpacedAtTheRate() {
		assertThat(OpenLoop.intendedNanos(1_000, 0, 200)).isEqualTo(1_000);
		assertThat(OpenLoop.intendedNanos(1_000, 1, 200)).isEqualTo(1_000 + 5_000_000);
		assertThat(OpenLoop.intendedNanos(0, 999, 1000)).isEqualTo(999_000_000);
		assertThat(OpenLoop.intendedNanos(0, 2, 3)).isEqualTo(666_666_667);
	}

	@Test
	void aStepSendsRateTimesDurationRequests() {
		assertThat(OpenLoop.requestCount(500, Duration.ofSeconds(20))).isEqualTo(10_000);
		assertThat(OpenLoop.requestCount(0.5, Duration.ofSeconds(3))).isEqualTo(1);
	}

	@Test
	void requestsAreSentAtTheirIntendedTimesEvenWhenNoneIsAnswered() {
		ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
		CompletableFuture<Boolean> never = new CompletableFuture<>();

		OpenLoop.Result result = OpenLoop.run(100, Duration.ofMillis(200), Duration.ofMillis(50), (index, intended) -> {
			lateness.add(System.nanoTime() - intended);
			return never;
		});

		assertThat(result.sent()).isEqualTo(20);
		assertThat(lateness).hasSize(20).allMatch(late -> late >= 0);
		assertThat(result.ok()).isZero();
		assertThat(result.errors()).isEqualTo(20);
	}

	@Test
	void latencyCountsFromTheIntendedStartAndFailuresAreErrors() {
		OpenLoop.Result result = OpenLoop.run(50, Duration.ofMillis(200), Duration.ofSeconds(5),
				(index, intended) -> index % 2 == 0 ? CompletableFuture.completedFuture(true)
						: CompletableFuture.failedFuture(new IllegalStateException("refused")));

		assertThat(result.sent()).isEqualTo(10);
		assertThat(result.ok()).isEqualTo(5);
		assertThat(result.errors()).isEqualTo(5);
		assertThat(result.latency().count()).isEqualTo(10);
		assertThat(result.acceptedRate()).isPositive();
	}

}
