package org.prolo.portal.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A line chart's geometry in SVG user units: one stage's median and 90th percentile hours
 * per week, oldest week left. A week in which no referral completed the stage has no
 * point, and the line breaks there rather than pretend a value.
 *
 * @param yTicks the horizontal grid lines with their labels, zero first
 * @param xLabels week labels, thinned out so that they do not overlap
 */
public record LineChart(int width, int height, List<Tick> yTicks, List<Tick> xLabels, Series median, Series p90,
		boolean empty) {

	static final int WIDTH = 640;

	static final int HEIGHT = 220;

	static final int LEFT = 64;

	static final int RIGHT = 24;

	static final int TOP = 28;

	static final int BOTTOM = 44;

	/** The most week labels the axis shows. */
	static final int MAX_LABELS = 7;

	/**
	 * @param at x for a week label, y for a grid line
	 */
	public record Tick(double at, String label) {
	}

	/**
	 * @param lines the polylines' points attributes, one per run of weeks with a figure
	 * @param points every figure, with its words for the point's tooltip
	 */
	public record Series(List<String> lines, List<Point> points) {
	}

	public record Point(double x, double y, String words) {
	}

	/** A week of the chart: its label on the axis, its words, and its two figures. */
	record Week(String label, String words, Double median, Double p90) {
	}

	static LineChart of(List<Week> weeks) {
		double max = 0;
		for (Week week : weeks) {
			max = Math.max(max, (week.median() != null) ? week.median() : 0);
			max = Math.max(max, (week.p90() != null) ? week.p90() : 0);
		}
		double top = Numbers.niceCeiling(max);
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		int n = weeks.size();
		Function<Integer, Double> x = i -> (n == 1) ? LEFT + plotWidth / 2 : LEFT + i * plotWidth / (n - 1);
		Function<Double, Double> y = hours -> TOP + plotHeight - hours / top * plotHeight;

		List<Tick> yTicks = new ArrayList<>();
		for (int k = 0; k <= 4; k++) {
			double value = top * k / 4;
			yTicks.add(new Tick(round(y.apply(value)), Numbers.plain(value)));
		}
		List<Tick> xLabels = new ArrayList<>();
		int every = Math.max(1, (int) Math.ceil(n / (double) MAX_LABELS));
		for (int i = n - 1; i >= 0; i -= every) {
			// Counted back from the current week, which is always labelled.
			xLabels.add(0, new Tick(round(x.apply(i)), weeks.get(i).label()));
		}
		boolean empty = weeks.stream().allMatch(week -> week.median() == null && week.p90() == null);
		return new LineChart(WIDTH, HEIGHT, yTicks, xLabels, series(weeks, Week::median, "median", x, y),
				series(weeks, Week::p90, "90th percentile", x, y), empty);
	}

	private static Series series(List<Week> weeks, Function<Week, Double> figure, String name,
			Function<Integer, Double> x, Function<Double, Double> y) {
		List<String> lines = new ArrayList<>();
		List<Point> points = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		for (int i = 0; i < weeks.size(); i++) {
			Double hours = figure.apply(weeks.get(i));
			if (hours == null) {
				addRun(lines, run);
				continue;
			}
			double px = round(x.apply(i));
			double py = round(y.apply(hours));
			run.append(run.isEmpty() ? "" : " ").append(coordinate(px)).append(',').append(coordinate(py));
			points.add(new Point(px, py, weeks.get(i).words() + ": " + name + " " + Numbers.hours(hours)));
		}
		addRun(lines, run);
		return new Series(List.copyOf(lines), List.copyOf(points));
	}

	private static void addRun(List<String> lines, StringBuilder run) {
		if (run.indexOf(" ") > 0) {
			lines.add(run.toString());
		}
		run.setLength(0);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	public String viewBox() {
		return "0 0 " + width + " " + height;
	}

	public int plotLeft() {
		return LEFT;
	}

	public int plotRight() {
		return WIDTH - RIGHT;
	}

	public int plotBottom() {
		return HEIGHT - BOTTOM;
	}

	public int xLabelY() {
		return HEIGHT - BOTTOM + 18;
	}

}
