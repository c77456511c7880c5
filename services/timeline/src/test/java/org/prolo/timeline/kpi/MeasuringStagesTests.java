package org.prolo.timeline.kpi;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.prolo.timeline.timeline.EventKind;
import org.prolo.timeline.timeline.TimelineEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeasuringStagesTests {

	static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

	@Test
	void medianAndNinetiethPercentileInterpolateBetweenRanks() {
		assertThat(Percentiles.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
		assertThat(Percentiles.median(List.of(7.0, 1.0, 3.0))).isEqualTo(3.0);
		assertThat(Percentiles.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 90)).isCloseTo(9.1,
				within(1e-9));
		assertThat(Percentiles.of(List.of(5.0), 90)).isEqualTo(5.0);
		assertThat(Percentiles.median(List.of())).isNaN();
	}

	@Test
	void measuresEachCompletedStageInHoursAndCountsOutcomes() {
		var course = List.of(at("a1", EventKind.REFERRAL_SUBMITTED, 0, null),
				at("a2", EventKind.REFERRAL_INFO_REQUESTED, 2, null),
				at("a3", EventKind.REFERRAL_TRIAGED, 10, "ACCEPTED"), at("a4", EventKind.HISTORY_RECORDED, 34, null),
				at("a5", EventKind.EXAM_COMPLETED, 82, null), at("a6", EventKind.IMAGING_REQUESTED, 83, null),
				at("a7", EventKind.IMAGING_REPORTED, 131, null), at("a8", EventKind.SUITABILITY_DECIDED, 135, null),
				at("a9", EventKind.COURSE_PLANNED, 155, null),
				at("a10", EventKind.REFERRAL_CLOSED, 156, "COURSE_PLANNED"));
		var rejected = List.of(at("b1", EventKind.REFERRAL_SUBMITTED, 0, null),
				at("b2", EventKind.REFERRAL_TRIAGED, 4, "REJECTED"),
				at("b3", EventKind.REFERRAL_CLOSED, 5, "REJECTED"));
		var open = List.of(at("c1", EventKind.REFERRAL_SUBMITTED, 0, null));

		KpiReport report = MeasuringStages.measure(List.of(course, rejected, open));

		assertThat(report.stages()).containsExactly(new StageFigures("triage", 2, 7.0, 9.4),
				new StageFigures("history", 1, 24.0, 24.0), new StageFigures("exam", 1, 48.0, 48.0),
				new StageFigures("imaging", 1, 48.0, 48.0), new StageFigures("suitability", 1, 4.0, 4.0),
				new StageFigures("course planning", 1, 20.0, 20.0));
		assertThat(report.outcomes()).containsEntry("COURSE_PLANNED", 1L)
			.containsEntry("REJECTED", 1L)
			.containsEntry("NO_RESPONSE", 0L);
		assertThat(report.referrals()).isEqualTo(3);
		assertThat(report.open()).isEqualTo(1);
	}

	@Test
	void aStageNobodyCompletedHasNoDurations() {
		KpiReport report = MeasuringStages.measure(List.of(List.of(at("c1", EventKind.REFERRAL_SUBMITTED, 0, null))));

		assertThat(report.stages()).allSatisfy(stage -> {
			assertThat(stage.count()).isZero();
			assertThat(stage.medianHours()).isNull();
			assertThat(stage.p90Hours()).isNull();
		});
	}

	static TimelineEntry at(String id, EventKind kind, int hours, String outcome) {
		return new TimelineEntry(id, "R-" + id.charAt(0), kind, T0.plusSeconds(hours * 3600L), "/prolo/test",
				kind.typeName(), kind.statusAfter(outcome));
	}

}
