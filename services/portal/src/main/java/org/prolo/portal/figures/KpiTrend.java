package org.prolo.portal.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Timeline's {@code GET /api/kpis/trend}, as far as the overview reads it.
 *
 * @param openByStatus open referrals per current status
 * @param weeks oldest first, the current week last
 */
public record KpiTrend(Map<String, Long> openByStatus, List<Week> weeks) {

	public KpiTrend {
		openByStatus = (openByStatus != null) ? openByStatus : Map.of();
		weeks = (weeks != null) ? weeks : List.of();
	}

	/**
	 * The stages completed in the week (Monday to Sunday, UTC) that starts on the date.
	 */
	public record Week(LocalDate weekStarting, List<Stage> stages) {

		public Week {
			stages = (stages != null) ? stages : List.of();
		}

	}

	/**
	 * @param count referrals that completed the stage
	 * @param medianHours null when none did
	 * @param p90Hours null when none did
	 */
	public record Stage(String stage, int count, Double medianHours, Double p90Hours) {
	}

}
