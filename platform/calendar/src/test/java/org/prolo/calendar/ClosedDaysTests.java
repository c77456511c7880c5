package org.prolo.calendar;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClosedDaysTests {

	@Test
	void readsSingleDaysAndInclusiveRuns() {
		assertThat(ClosedDays.parse(List.of(" 2026-01-01 ", "2025-12-30..2025-12-31", "", "2025-12-24")))
			.containsExactly(LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31),
					LocalDate.of(2026, 1, 1));
	}

	@Test
	void aRunOfOneDayIsThatDay() {
		assertThat(ClosedDays.parse(List.of("2025-12-25..2025-12-25"))).containsExactly(LocalDate.of(2025, 12, 25));
	}

	@Test
	void refusesWhatIsNotADateNamingTheEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClosedDays.parse(List.of("2025-12-32")))
			.withMessageContaining("'2025-12-32'");
		assertThatIllegalArgumentException().isThrownBy(() -> ClosedDays.parse(List.of("25.12.2025")))
			.withMessageContaining("yyyy-MM-dd");
	}

	@Test
	void refusesRunsBackwardsOrOverAYear() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClosedDays.parse(List.of("2025-12-31..2025-12-24")))
			.withMessageContaining("end before they start");
		assertThatIllegalArgumentException().isThrownBy(() -> ClosedDays.parse(List.of("2025-12-24..2027-01-01")))
			.withMessageContaining("more than");
	}

}
