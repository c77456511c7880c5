package org.prolo.scheduling.booking;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDayCalendarTests {

	private final WorkingDayCalendar calendar = new WorkingDayCalendar(List.of(LocalDate.of(2025, 12, 25)));

	@Test
	void worksMondayToFriday() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 12, 19))).as("Friday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 12, 20))).as("Saturday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 12, 21))).as("Sunday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 12, 22))).as("Monday").isTrue();
	}

	@Test
	void isClosedOnClosures() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 12, 25))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 12, 24))).isTrue();
	}

}
