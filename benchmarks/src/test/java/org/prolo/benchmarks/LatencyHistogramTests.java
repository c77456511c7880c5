package org.prolo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTests {

	@Test
	void percentilesOfOneToAHundredMillisecondsAreThoseMilliseconds() {
		LatencyHistogram histogram = new LatencyHistogram();
		for (int millis = 1; millis <= 100; millis++) {
			histogram.recordMillis(millis);
		}

		assertThat(histogram.count()).isEqualTo(100);
		assertThat(histogram.percentileMillis(50)).isCloseTo(50, within(0.1));
		assertThat(histogram.percentileMillis(95)).isCloseTo(95, within(0.1));
		assertThat(histogram.percentileMillis(99)).isCloseTo(99, within(0.1));
		assertThat(histogram.maxMillis()).isCloseTo(100, within(0.1));
		assertThat(histogram.summary()).isEqualTo("50.0 / 95.0 / 99.0 / 100.0");
	}

	@Test
	void aSlowTailShowsInTheHighPercentilesOnly() {
		LatencyHistogram histogram = new LatencyHistogram();
		for (int i = 0; i < 980; i++) {
			histogram.recordNanos(2_000_000);
		}
		for (int i = 0; i < 20; i++) {
			histogram.recordNanos(1_500_000_000L);
		}

		assertThat(histogram.percentileMillis(50)).isCloseTo(2, within(0.01));
		assertThat(histogram.percentileMillis(98)).isCloseTo(2, within(0.01));
		assertThat(histogram.percentileMillis(99)).isCloseTo(1500, within(1.0));
	}

	@Test
	void anEmptyHistogramReadsZero() {
		assertThat(new LatencyHistogram().percentileMillis(99)).isZero();
		assertThat(new LatencyHistogram().maxMillis()).isZero();
	}

}
