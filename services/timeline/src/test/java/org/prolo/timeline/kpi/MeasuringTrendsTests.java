package org.prolo.timeline.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.prolo.timeline.timeline.EventKind;
import org.prolo.timeline.timeline.TimelineEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeasuringTrendsTests {

	// A Thursday; its week starts on Monday 2025-04-28.
	static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

	@Test
	void countsOpenReferralsByTheirCurrentStatusWithEveryOpenStatusPresent() {
		var submitted = List.of(at("a1", "a", EventKind.REFERRAL_SUBMITTED, 0, null));
		var waiting = List.of(at("b1", "b", EventKind.REFERRAL_SUBMITTED, 0, null),
				at("b2", "b", EventKind.REFERRAL_INFO_REQUESTED, 2, null));
		var rejected = List.of(at("c1", "c", EventKind.REFERRAL_SUBMITTED, 0, null),
				at("c2", "c", EventKind.REFERRAL_TRIAGED, 4, "REJECTED"),
				at("c3", "c", EventKind.REFERRAL_CLOSED, 5, "REJECTED"));

		KpiTrend trend = MeasuringTrends.measure(List.of(submitted, waiting, rejected), 4, LocalDate.of(2025, 5, 1));

		assertThat(trend.openByStatus()).containsEntry("SUBMITTED", 1L)
			.containsEntry("INFO_REQUESTED", 1L)
			.containsEntry("ACCEPTED", 0L)
			.doesNotContainKey("REJECTED");
		assertThat(trend.openByStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
	}

	@Test
	void putsEachStageInTheWeekItWasCompletedOldestWeekFirst() {
		// Triage completed on Thursday of the first week (10 h) and on Monday of the next
		// (4 days = 96 h, and 2 h).
		var early = List.of(at("a1", "a", EventKind.REFERRAL_SUBMITTED, 0, null),
				at("a2", "a", EventKind.REFERRAL_TRIAGED, 10, "ACCEPTED"));
		var late = List.of(at("b1", "b", EventKind.REFERRAL_SUBMITTED, 0, null),
				at("b2", "b", EventKind.REFERRAL_TRIAGED, 96, "ACCEPTED"));
		var quick = List.of(at("c1", "c", EventKind.REFERRAL_SUBMITTED, 94, null),
				at("c2", "c", EventKind.REFERRAL_TRIAGED, 96, "REJECTED"));

		KpiTrend trend = MeasuringTrends.measure(List.of(early, late, quick), 3, LocalDate.of(2025, 5, 7));

		assertThat(trend.weeks()).extracting(WeekFigures::weekStarting)
			.containsExactly(LocalDate.of(2025, 4, 21), LocalDate.of(2025, 4, 28), LocalDate.of(2025, 5, 5));
		assertThat(triage(trend.weeks().get(0))).isEqualTo(new StageFigures("triage", 0, null, null));
		assertThat(triage(trend.weeks().get(1))).isEqualTo(new StageFigures("triage", 1, 10.0, 10.0));
		StageFigures lastWeek = triage(trend.weeks().get(2));
		assertThat(lastWeek.count()).isEqualTo(2);
		assertThat(lastWeek.medianHours()).isEqualTo(49.0);
		assertThat(lastWeek.p90Hours()).isEqualTo(86.6);
	}

	@Test
	void leavesOutStagesCompletedBeforeTheFirstWeekShown() {
		var old = List.of(at("a1", "a", EventKind.REFERRAL_SUBMITTED, 0, null),
				at("a2", "a", EventKind.REFERRAL_TRIAGED, 10, "ACCEPTED"));

		KpiTrend trend = MeasuringTrends.measure(List.of(old), 1, LocalDate.of(2025, 5, 12));

		assertThat(trend.weeks()).singleElement().satisfies(week -> assertThat(triage(week).count()).isZero());
	}

	@Test
	void refusesFewerThanOneOrMoreThanFiftyTwoWeeks() {
		assertThatThrownBy(() -> MeasuringTrends.measure(List.of(), 0, LocalDate.of(2025, 5, 1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> MeasuringTrends.measure(List.of(), 53, LocalDate.of(2025, 5, 1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static StageFigures triage(WeekFigures week) {
		return week.stages().stream().filter(s -> s.stage().equals("triage")).findFirst().orElseThrow();
	}

	static TimelineEntry at(String id, String referral, EventKind kind, int hours, String outcome) {
		return new TimelineEntry(id, "R-" + referral, kind, T0.plusSeconds(hours * 3600L), "/prolo/test",
				kind.typeName(), kind.statusAfter(outcome));
	}

}
