package org.prolo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArgsTests {

	@Test
	void readsValuesFlagsAndDurations() {
		Args args = new Args(List.of("--rates", "100,200", "--duration=30s", "--attach", "--queries", "10"));

		assertThat(args.rates("rates", "1")).containsExactly(100.0, 200.0);
		assertThat(args.duration("duration", "20s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(args.flag("attach")).isTrue();
		assertThat(args.flag("no-bare")).isFalse();
		assertThat(args.integer("queries", 1000)).isEqualTo(10);
		assertThat(args.integer("tasks", 100_000)).isEqualTo(100_000);
	}

	@Test
	void durationsTakeMillisecondsSecondsAndMinutes() {
		assertThat(Args.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Args.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(Args.parseDuration("7")).isEqualTo(Duration.ofSeconds(7));
	}

}
