package org.prolo.timeline.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.prolo.referralstatus.ReferralStatus;
import org.prolo.timeline.timeline.Stage;
import org.prolo.timeline.timeline.TimelineEntry;
import org.prolo.timeline.timeline.TrackingStatus;

/** Computes the key figures from every referral's timeline. */
public final class MeasuringStages {

	private MeasuringStages() {
	}

	/**
	 * @param timelines the entries of each referral, one collection per referral
	 */
	public static KpiReport measure(Collection<List<TimelineEntry>> timelines) {
		Map<Stage, List<Double>> hours = new LinkedHashMap<>();
		for (Stage stage : Stage.values()) {
			hours.put(stage, new ArrayList<>());
		}
		Map<String, Long> outcomes = new LinkedHashMap<>();
		for (ReferralStatus status : ReferralStatus.values()) {
			if (status.isClosed()) {
				outcomes.put(status.name(), 0L);
			}
		}
		long open = 0;
		for (List<TimelineEntry> timeline : timelines) {
			for (Stage stage : Stage.values()) {
				stage.durationIn(timeline).ifPresent(d -> hours.get(stage).add(hoursOf(d)));
			}
			ReferralStatus status = TrackingStatus.of(timeline);
			if (status != null && status.isClosed()) {
				outcomes.merge(status.name(), 1L, Long::sum);
			}
			else {
				open++;
			}
		}
		List<StageFigures> stages = hours.entrySet()
			.stream()
			.map(e -> new StageFigures(e.getKey().label(), e.getValue().size(),
					rounded(Percentiles.median(e.getValue())), rounded(Percentiles.of(e.getValue(), 90))))
			.toList();
		return new KpiReport(stages, outcomes, timelines.size(), open);
	}

	private static double hoursOf(Duration duration) {
		return duration.toMillis() / 3_600_000.0;
	}

	private static Double rounded(double hours) {
		return Double.isNaN(hours) ? null : Math.round(hours * 100) / 100.0;
	}

}
