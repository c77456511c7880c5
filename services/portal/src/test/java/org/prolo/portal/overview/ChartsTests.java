package org.prolo.portal.overview;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTests {

	@Test
	void endsTheAxisOnARoundFigureAtOrAboveTheLargest() {
		assertThat(Numbers.niceCeiling(0)).isEqualTo(1);
		assertThat(Numbers.niceCeiling(0.013)).isEqualTo(0.02);
		assertThat(Numbers.niceCeiling(0.3)).isEqualTo(0.5);
		assertThat(Numbers.niceCeiling(7)).isEqualTo(10);
		assertThat(Numbers.niceCeiling(20)).isEqualTo(20);
		assertThat(Numbers.niceCeiling(21)).isEqualTo(25);
		assertThat(Numbers.niceCeiling(260)).isEqualTo(500);
	}

	@Test
	void writesHoursWithAtMostTwoDecimals() {
		assertThat(Numbers.hours(40.0)).isEqualTo("40 h");
		assertThat(Numbers.hours(0.004)).isEqualTo("0 h");
		assertThat(Numbers.hours(3.256)).isEqualTo("3.26 h");
		assertThat(Numbers.hours(null)).isEqualTo("none");
	}

	@Test
	void scalesEachBarToTheLargestFigureAndKeepsASliverForZero() {
		BarChart chart = BarChart
			.of(List.of(new BarChart.Figure("a", 4), new BarChart.Figure("b", 2), new BarChart.Figure("c", 0)));

		assertThat(chart.bars()).extracting(BarChart.Bar::barWidth)
			.containsExactly(BarChart.BAR_MAX, BarChart.BAR_MAX / 2, 2);
		assertThat(chart.bars()).extracting(BarChart.Bar::y).isSorted();
		assertThat(chart.description()).isEqualTo("a: 4; b: 2; c: 0.");
		assertThat(chart.viewBox()).isEqualTo("0 0 640 " + (12 + 3 * BarChart.ROW));
	}

	@Test
	void widensTheLabelColumnSoThatTheLongestLabelStaysInsideTheChart() {
		String longest = "Accepted, waiting for an appointment";
		BarChart chart = BarChart.of(List.of(new BarChart.Figure("In triage", 2), new BarChart.Figure(longest, 1)));

		// The label ends at labelX (text-anchor end): at 8 user units a character, the
		// widest any of the usual system fonts sets these labels, it must still start at
		// or right of the left edge.
		assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.labelX() - longest.length() * 8).isNotNegative());
		assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.barX()).isGreaterThan(bar.labelX()));
		// The bars keep their full length, and the largest figure its room on the right.
		BarChart.Bar largest = chart.bars().get(0);
		assertThat(largest.barWidth()).isEqualTo(BarChart.BAR_MAX);
		assertThat(chart.width()).isGreaterThanOrEqualTo(largest.valueX() + 40);
	}

	@Test
	void keepsTheUsualWidthForShortLabels() {
		BarChart chart = BarChart.of(List.of(new BarChart.Figure("Clinicians", 1)));

		assertThat(chart.bars().get(0).barX()).isEqualTo(BarChart.LABEL_WIDTH);
		assertThat(chart.width()).isEqualTo(BarChart.WIDTH);
	}

	@Test
	void breaksTheLineAtAWeekWithoutFigureAndPutsTheHigherFigureHigher() {
		LineChart chart = LineChart.of(Arrays.asList(week("1", 2.0, 4.0), week("2", 3.0, 8.0), week("3", null, null),
				week("4", 1.0, 1.0), week("5", 2.0, 2.0)));

		assertThat(chart.median().lines()).hasSize(2);
		assertThat(chart.median().points()).hasSize(4);
		assertThat(chart.p90().points().get(1).y()).isLessThan(chart.median().points().get(1).y());
		// The axis ends at 10 hours: 8 rounded up, in five grid lines from zero.
		assertThat(chart.yTicks()).extracting(LineChart.Tick::label).containsExactly("0", "2.5", "5", "7.5", "10");
		assertThat(chart.empty()).isFalse();
	}

	@Test
	void aSingleWeekWithAFigureIsAPointWithoutLine() {
		LineChart chart = LineChart.of(List.of(week("1", null, null), week("2", 5.0, 6.0)));

		assertThat(chart.median().lines()).isEmpty();
		assertThat(chart.median().points()).singleElement()
			.satisfies(point -> assertThat(point.words()).isEqualTo("Week 2: median 5 h"));
	}

	@Test
	void labelsTheCurrentWeekAndNoMoreThanSevenWeeks() {
		List<LineChart.Week> weeks = IntStream.rangeClosed(1, 52)
			.mapToObj(i -> week(String.valueOf(i), null, null))
			.toList();

		LineChart chart = LineChart.of(weeks);

		assertThat(chart.xLabels()).hasSizeLessThanOrEqualTo(LineChart.MAX_LABELS);
		assertThat(chart.xLabels().get(chart.xLabels().size() - 1).label()).isEqualTo("52");
		assertThat(chart.empty()).isTrue();
	}

	private static LineChart.Week week(String label, Double median, Double p90) {
		return new LineChart.Week(label, "Week " + label, median, p90);
	}

}
