package org.prolo.portal.overview;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.prolo.portal.figures.ClinicFigures;
import org.prolo.portal.figures.Fetched;
import org.prolo.portal.figures.KpiTrend;
import org.prolo.portal.figures.OverdueTasks;
import org.prolo.portal.overview.OverviewPage.OpenReferrals;
import org.prolo.portal.overview.OverviewPage.Overdue;
import org.prolo.portal.overview.OverviewPage.StageDurations;
import org.prolo.portal.overview.OverviewPage.WeekRow;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.portal.web.Shown;

/**
 * Puts the overview together from the figures the services give, each section on its own:
 * a service that cannot answer takes only its own sections away.
 */
final class ClinicOverview {

	/**
	 * The working groups in words; a group this portal does not know shows as it came.
	 */
	static final Map<String, String> GROUPS = Map.of("intake-coordinators", "Intake coordinators",
			"clinical-coordinators", "Clinical coordinators", "clinicians", "Clinicians");

	/** Timeline's stage labels as headings. */
	static final Map<String, String> STAGES = Map.of("triage", "Triage", "history", "Recording the history", "exam",
			"Physical exam", "imaging", "Imaging", "suitability", "Suitability decision", "course planning",
			"Course planning");

	private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final ClinicFigures figures;

	private final ZoneId zone;

	ClinicOverview(ClinicFigures figures, ZoneId zone) {
		this.figures = figures;
		this.zone = zone;
	}

	OverviewPage build(int weeks) {
		List<String> missing = new ArrayList<>();
		Fetched<KpiTrend> trend = this.figures.trend(weeks);
		Fetched<OverdueTasks> overdue = this.figures.overdueTasks();
		if (!trend.present()) {
			missing.add("Open referrals by stage and stage durations are missing. " + trend.missingBecause());
		}
		if (!overdue.present()) {
			missing.add("Overdue tasks are missing. " + overdue.missingBecause());
		}
		return new OverviewPage(weeks, trend.present() ? openReferrals(trend.figures()) : null,
				overdue.present() ? overdue(overdue.figures()) : null,
				trend.present() ? durations(trend.figures()) : null, List.copyOf(missing));
	}

	private static OpenReferrals openReferrals(KpiTrend trend) {
		List<BarChart.Figure> rows = trend.openByStatus()
			.entrySet()
			.stream()
			.map(e -> new BarChart.Figure(ReferralStatus.wordsFor(e.getKey()), nonNull(e.getValue())))
			.toList();
		return new OpenReferrals(BarChart.of(rows), rows, rows.stream().mapToLong(BarChart.Figure::value).sum());
	}

	private Overdue overdue(OverdueTasks tasks) {
		List<BarChart.Figure> rows = tasks.byCandidateGroup()
			.entrySet()
			.stream()
			.map(e -> new BarChart.Figure(GROUPS.getOrDefault(e.getKey(), e.getKey()), nonNull(e.getValue())))
			.toList();
		return new Overdue(BarChart.of(rows), rows, tasks.total(), Shown.of(tasks.asOf(), this.zone));
	}

	private static List<StageDurations> durations(KpiTrend trend) {
		// Stages in the order timeline lists them, each with its weeks oldest first.
		Map<String, List<LineChart.Week>> chartWeeks = new LinkedHashMap<>();
		Map<String, List<WeekRow>> rows = new LinkedHashMap<>();
		for (KpiTrend.Week week : trend.weeks()) {
			Shown shown = Shown.of(week.weekStarting());
			String words = "Week of " + shown.text();
			for (KpiTrend.Stage stage : week.stages()) {
				chartWeeks.computeIfAbsent(stage.stage(), key -> new ArrayList<>())
					.add(new LineChart.Week(SHORT_DATE.format(week.weekStarting()), words, stage.medianHours(),
							stage.p90Hours()));
				rows.computeIfAbsent(stage.stage(), key -> new ArrayList<>())
					.add(new WeekRow(shown, stage.count(), Numbers.hours(stage.medianHours()),
							Numbers.hours(stage.p90Hours())));
			}
		}
		List<StageDurations> durations = new ArrayList<>();
		int n = 0;
		for (var stage : chartWeeks.entrySet()) {
			String name = STAGES.getOrDefault(stage.getKey(), capitalised(stage.getKey()));
			List<WeekRow> stageRows = rows.get(stage.getKey());
			durations.add(new StageDurations(name, "stage-" + (++n), LineChart.of(stage.getValue()),
					List.copyOf(stageRows), description(name, stageRows)));
		}
		return List.copyOf(durations);
	}

	/** The chart's text alternative: the weeks with figures, or that there are none. */
	private static String description(String stage, List<WeekRow> rows) {
		List<String> weeks = rows.stream()
			.filter(row -> row.count() > 0)
			.map(row -> "week of " + row.week().text() + ": " + row.count() + " completed, median " + row.median()
					+ ", 90th percentile " + row.p90())
			.toList();
		if (weeks.isEmpty()) {
			return stage + ": no referral completed this stage in these weeks.";
		}
		String others = (weeks.size() < rows.size()) ? " Other weeks: none completed." : "";
		return stage + " in hours, " + String.join("; ", weeks) + "." + others;
	}

	private static long nonNull(Long value) {
		return (value != null) ? value : 0;
	}

	private static String capitalised(String words) {
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
