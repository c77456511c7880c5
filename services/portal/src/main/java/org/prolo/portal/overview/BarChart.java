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

	/** The label column's least width; a longer label widens it (and the chart). */
	static final int LABEL_WIDTH = 240;

	/**
	 * A generous estimate of a 14px label's average character width (DejaVu Sans, the
	 * widest of the usual system fonts, averages about 8): the label column is made this
	 * wide per character, so that no label reaches past the left edge.
	 */
	static final double CHAR_WIDTH = 8.5;

	/** Between the label's end and its bar. */
	static final int GAP = 10;

	/** Left of the longest label, so that it does not touch the edge. */
	static final int MARGIN = 6;

	static final int BAR_MAX = 330;

	/** Right of the longest bar: the figure. */
	static final int VALUE_ROOM = 70;

	static final int BAR_HEIGHT = 22;

	/**
	 * @param textY the baseline of the label and the figure
	 * @param labelX where the label ends (it is anchored at its end)
	 */
	public record Bar(String label, long value, int y, int barWidth, int textY, int valueX, int labelX, int barX) {

		public int barHeight() {
			return BAR_HEIGHT;
		}

	}

	/** A figure and what it counts. */
	public record Figure(String label, long value) {
	}

	static BarChart of(List<Figure> figures) {
		long max = figures.stream().mapToLong(Figure::value).max().orElse(0);
		int longest = figures.stream().mapToInt(figure -> figure.label().length()).max().orElse(0);
		int barX = Math.max(LABEL_WIDTH, MARGIN + (int) Math.ceil(longest * CHAR_WIDTH) + GAP);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < figures.size(); i++) {
			Figure figure = figures.get(i);
			int y = 6 + i * ROW;
			// A figure of zero keeps a sliver, so the row does not look left out.
			int width = (max > 0) ? (int) Math.round((double) figure.value() / max * BAR_MAX) : 0;
			width = Math.max(width, 2);
			bars.add(new Bar(figure.label(), figure.value(), y, width, y + BAR_HEIGHT / 2 + 5, barX + width + 8,
					barX - GAP, barX));
		}
		String description = figures.stream()
			.map(figure -> figure.label() + ": " + figure.value())
			.collect(Collectors.joining("; ", "", "."));
		return new BarChart(Math.max(WIDTH, barX + BAR_MAX + VALUE_ROOM), 12 + figures.size() * ROW, List.copyOf(bars),
				description);
	}

	public String viewBox() {
		return "0 0 " + width + " " + height;
	}

}
