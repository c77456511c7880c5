package org.prolo.portal.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A horizontal bar chart's geometry in SVG user units: one row per figure, the label
 * left, the bar scaled to the largest figure, the figure after the bar.
 *
 * @param description every figure in words, the chart's text alternative
 */
public record BarChart(int width, int height, List<Bar> bars, String description) {

	static final int WIDTH = 640;

	static final int ROW = 36;

	static final int LABEL_WIDTH = 240;

	static final int BAR_MAX = 330;

	static final int BAR_HEIGHT = 22;

	/**
	 * @param textY the baseline of the label and the figure
	 */
	public record Bar(String label, long value, int y, int barWidth, int textY, int valueX) {

		public int labelX() {
			return LABEL_WIDTH - 10;
		}

		public int barX() {
			return LABEL_WIDTH;
		}

		public int barHeight() {
			return BAR_HEIGHT;
		}

	}

	/** A figure and what it counts. */
	public record Figure(String label, long value) {
	}

	static BarChart of(List<Figure> figures) {
		long max = figures.stream().mapToLong(Figure::value).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < figures.size(); i++) {
			Figure figure = figures.get(i);
			int y = 6 + i * ROW;
			// A figure of zero keeps a sliver, so the row does not look left out.
			int width = (max > 0) ? (int) Math.round((double) figure.value() / max * BAR_MAX) : 0;
			width = Math.max(width, 2);
			bars.add(
					new Bar(figure.label(), figure.value(), y, width, y + BAR_HEIGHT / 2 + 5, LABEL_WIDTH + width + 8));
		}
		String description = figures.stream()
			.map(figure -> figure.label() + ": " + figure.value())
			.collect(Collectors.joining("; ", "", "."));
		return new BarChart(WIDTH, 12 + figures.size() * ROW, List.copyOf(bars), description);
	}

	public String viewBox() {
		return "0 0 " + width + " " + height;
	}

}
