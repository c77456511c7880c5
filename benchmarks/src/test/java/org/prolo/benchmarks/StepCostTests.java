package org.prolo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StepCostTests {

	@Test
	void givesEachBackendsTicksToTheDatabaseItServes() {
		Map<String, Double> seconds = StepCost.postgresByDatabase(Map.of(10L, 100L, 11L, 50L, 12L, 5L),
				Map.of(10L, 400L, 11L, 150L, 12L, 25L),
				Map.of(10L, "prolo_workflow", 11L, "prolo_workflow", 12L, "prolo_intake"));

		assertThat(seconds).containsEntry("postgresql: prolo_workflow", 4.0)
			.containsEntry("postgresql: prolo_intake", 0.2)
			.containsEntry(StepCost.POSTGRES_OTHER, 0.0);
		assertThat(seconds.keySet()).first().isEqualTo("postgresql: prolo_workflow");
	}

	@Test
	void countsABackendThatStartedDuringTheStepWholeAndTheServersOwnProcessesApart() {
		Map<String, Double> seconds = StepCost.postgresByDatabase(Map.of(1L, 1000L), Map.of(1L, 1030L, 20L, 70L),
				Map.of(20L, "prolo_timeline"));

		assertThat(seconds).containsEntry("postgresql: prolo_timeline", 0.7)
			.containsEntry(StepCost.POSTGRES_OTHER, 0.3);
	}

	@Test
	void showsOtherPeoplesDatabasesApartAndLeavesThemOutOfTheTotal() {
		var before = new StepCost.Snapshot(0, Map.of(), Map.of(10L, 0L, 11L, 0L),
				Map.of(10L, "prolo_intake", 11L, "someone_elses"), Map.of(), 0, 0);
		var after = new StepCost.Snapshot(1, Map.of(), Map.of(10L, 100L, 11L, 500L),
				Map.of(10L, "prolo_intake", 11L, "someone_elses"), Map.of(), 0, 0);

		StepCost.Figures figures = StepCost.figures(before, after, Set.of("prolo_intake"));

		assertThat(figures.total()).isEqualTo(1.0);
		assertThat(figures.foreignPostgresCpu()).isEqualTo(5.0);
		assertThat(figures.all()).containsEntry(StepCost.POSTGRES_FOREIGN, 5.0)
			.doesNotContainKey("  postgresql: someone_elses");
	}

	@Test
	void reportsMillisecondsPerReferralAndTheDatabasesWork() {
		var before = new StepCost.Snapshot(0, Map.of("intake", 100L), Map.of(10L, 0L), Map.of(10L, "prolo_intake"),
				Map.of("prolo_intake", new long[] { 0, 0, 0, 0, 0, 0 }), 0, 0);
		var after = new StepCost.Snapshot(10_000_000_000L, Map.of("intake", 300L), Map.of(10L, 100L),
				Map.of(10L, "prolo_intake"), Map.of("prolo_intake", new long[] { 2000, 0, 3000, 1000, 0, 9 }),
				1_000_000, 5000);

		StepCost.Figures figures = StepCost.figures(before, after, Set.of("prolo_intake"));
		String table = figures.table("100/s", 1000);

		assertThat(figures.total()).isEqualTo(3.0);
		assertThat(table).contains("| intake | 2.0 | 2.00 |  |  |")
			.contains("|   postgresql: prolo_intake | 1.0 | 1.00 | 2.0 | 3.0 / 1.0 / 0.0 |")
			.contains("| **all of this benchmark** | **3.0** | **3.00** |")
			.contains("1.0 kB and 5 records per referral");
		assertThat(StepCost.summary(List.of("100/s"), List.of(figures), List.of(1000L))).contains("| intake | 2.00 |")
			.contains("| **all of this benchmark** | 3.00 |");
	}

}
