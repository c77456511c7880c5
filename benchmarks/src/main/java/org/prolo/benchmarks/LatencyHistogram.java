package org.prolo.benchmarks;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Latencies in microseconds up to ten minutes with three significant digits, read back in
 * milliseconds. Thread-safe: requests complete on many threads.
 */
public final class LatencyHistogram {

	private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

	private final Histogram histogram = new Histogram(1, HIGHEST_MICROS, 3);

	public synchronized void recordNanos(long nanos) {
		long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos));
		histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
	}

	public void recordMillis(long millis) {
		recordNanos(TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis)));
	}

	public synchronized long count() {
		return histogram.getTotalCount();
	}

	/** The value at the given percentile (0-100) in milliseconds; 0 when empty. */
	public synchronized double percentileMillis(double percentile) {
		if (histogram.getTotalCount() == 0) {
			return 0;
		}
		return histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	public synchronized double maxMillis() {
		return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
	}

	public synchronized double meanMillis() {
		return histogram.getTotalCount() == 0 ? 0 : histogram.getMean() / 1000.0;
	}

	/** "p50 / p95 / p99 / max" in milliseconds, one decimal. */
	public String summary() {
		return String.format("%.1f / %.1f / %.1f / %.1f", percentileMillis(50), percentileMillis(95),
				percentileMillis(99), maxMillis());
	}

}
