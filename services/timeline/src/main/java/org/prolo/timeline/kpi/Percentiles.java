package org.prolo.timeline.kpi;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles by linear interpolation between closest ranks (the "R-7" / spreadsheet
 * PERCENTILE.INC definition): the median of 1, 2, 3, 4 is 2.5; the 90th percentile of
 * 1..10 is 9.1.
 */
public final class Percentiles {

	private Percentiles() {
	}

	/** The p-th percentile (0 to 100) of the values; NaN when there are none. */
	public static double of(Collection<Double> values, double p) {
		if (p < 0 || p > 100) {
			throw new IllegalArgumentException("Percentile must be between 0 and 100, was " + p);
		}
		if (values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		double rank = (p / 100.0) * (sorted.length - 1);
		int lower = (int) Math.floor(rank);
		int upper = (int) Math.ceil(rank);
		return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
	}

	public static double median(Collection<Double> values) {
		return of(values, 50);
	}

}
