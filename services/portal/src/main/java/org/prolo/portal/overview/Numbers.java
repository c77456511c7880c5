package org.prolo.portal.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures as the page writes them: no trailing zeros, at most two decimals. */
final class Numbers {

	private Numbers() {
	}

	static String hours(Double hours) {
		return (hours != null) ? plain(hours) + " h" : "none";
	}

	static String plain(double value) {
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
		return (rounded.signum() == 0) ? "0" : rounded.toPlainString();
	}

	/**
	 * The smallest of 1, 2, 2.5, 5 times a power of ten that is at least the value: an
	 * axis that ends on a round figure. 1 for zero or less.
	 */
	static double niceCeiling(double value) {
		if (!(value > 0)) {
			return 1;
		}
		double power = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			// A hair of tolerance: 0.3 / 0.1 is 2.9999999999999996.
			if (step * power >= value * (1 - 1e-9)) {
				return step * power;
			}
		}
		return 10 * power;
	}

}
