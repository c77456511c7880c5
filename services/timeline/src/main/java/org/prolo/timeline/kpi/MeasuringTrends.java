package org.prolo.timeline.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.prolo.referralstatus.ReferralStatus;
import org.prolo.timeline.timeline.Stage;
import org.prolo.timeline.timeline.TimelineEntry;
import org.prolo.timeline.timeline.TrackingStatus;

/**
 * The overview's figures from every referral's timeline: open referrals by their current
 * status, and each stage's durations by the week (UTC) in which the stage was completed.
 */
public final class MeasuringTrends {

	public static final int MAX_WEEKS = 52;

	private MeasuringTrends() {
	}

	/**
	 * @param weeks how many weeks up to and including the one of {@code today}
	 */
	public static KpiTrend measure(Collection<List<TimelineEntry>> timelines, int weeks, LocalDate today) {
		if (weeks < 1 || weeks > MAX_WEEKS) {
			throw new IllegalArgumentException("weeks must be between 1 and " + MAX_WEEKS);
		}
		LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate firstWeek = thisWeek.minusWeeks(weeks - 1L);
		Map<LocalDate, Map<Stage, List<Double>>> hours = new LinkedHashMap<>();
		for (int i = 0; i < weeks; i++) {
			Map<Stage, List<Double>> byStage = new LinkedHashMap<>();
			for (Stage stage : Stage.values()) {
				byStage.put(stage, new ArrayList<>());
			}
			hours.put(firstWeek.plusWeeks(i), byStage);
		}
		Map<String, Long> open = new LinkedHashMap<>();
		for (ReferralStatus status : ReferralStatus.values()) {
			if (!status.isClosed()) {
				open.put(status.name(), 0L);
			}
		}
		for (List<TimelineEntry> timeline : timelines) {
			ReferralStatus status = TrackingStatus.of(timeline);
			if (status != null && !status.isClosed()) {
				open.merge(status.name(), 1L, Long::sum);
			}
			for (Stage stage : Stage.values()) {
				stage.completionIn(timeline).ifPresent(completion -> {
					LocalDate week = LocalDate.ofInstant(completion.completedAt(), ZoneOffset.UTC)
						.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
					Map<Stage, List<Double>> byStage = hours.get(week);
					if (byStage != null) {
						byStage.get(stage).add(completion.took().toMillis() / 3_600_000.0);
					}
				});
			}
		}
		List<WeekFigures> figures = hours.entrySet()
			.stream()
			.map(week -> new WeekFigures(week.getKey(),
					week.getValue()
						.entrySet()
						.stream()
						.map(e -> new StageFigures(e.getKey().label(), e.getValue().size(),
								rounded(Percentiles.median(e.getValue())), rounded(Percentiles.of(e.getValue(), 90))))
						.toList()))
			.toList();
		return new KpiTrend(open, figures);
	}

	private static Double rounded(double hours) {
		return Double.isNaN(hours) ? null : Math.round(hours * 100) / 100.0;
	}

}
