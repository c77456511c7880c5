package org.prolo.portal.overview;

import java.util.List;

import org.prolo.portal.web.Shown;

/**
 * What the overview shows. A section whose service could not answer is null, and
 * {@link #missing} says why.
 *
 * @param weeks how many weeks the durations cover, the current one last
 * @param missing one sentence per service that gave no figures, naming what is missing
 * and why; empty when everything is there
 */
public record OverviewPage(int weeks, OpenReferrals openReferrals, Overdue overdue, List<StageDurations> durations,
		List<String> missing) {

	/** Open referrals by their current status (the stage a physician sees). */
	public record OpenReferrals(BarChart chart, List<BarChart.Figure> rows, long total) {
	}

	/** Open tasks past their due date, by the group that works them. */
	public record Overdue(BarChart chart, List<BarChart.Figure> rows, long total, Shown asOf) {
	}

	/**
	 * One stage's median and 90th percentile duration per week.
	 *
	 * @param id the stem of the ids of its heading and chart text
	 * @param description the chart's text alternative
	 */
	public record StageDurations(String stage, String id, LineChart chart, List<WeekRow> rows, String description) {
	}

	/**
	 * @param count referrals that completed the stage that week
	 * @param median in words, "none" when no referral completed the stage
	 */
	public record WeekRow(Shown week, int count, String median, String p90) {
	}

}
