package org.prolo.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClinicCalendarTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	final ClinicCalendar weekendsOnly = new ClinicCalendar(BERLIN, Set.of());

	/**
	 * Christmas 2025 to New Year: closed 24 to 26 December, 31 December and 1 January.
	 */
	final ClinicCalendar christmas = new ClinicCalendar(BERLIN,
			ClosedDays.parse(List.of("2025-12-24..2025-12-26", "2025-12-31", "2026-01-01")));

	@Test
	void worksMondayToFriday() {
		assertThat(weekendsOnly.isWorkingDay(LocalDate.of(2025, 12, 19))).as("Friday").isTrue();
		assertThat(weekendsOnly.isWorkingDay(LocalDate.of(2025, 12, 20))).as("Saturday").isFalse();
		assertThat(weekendsOnly.isWorkingDay(LocalDate.of(2025, 12, 21))).as("Sunday").isFalse();
		assertThat(weekendsOnly.isWorkingDay(LocalDate.of(2025, 12, 22))).as("Monday").isTrue();
	}

	@Test
	void isClosedOnClosedDaysButOpenAroundThem() {
		assertThat(christmas.isWorkingDay(LocalDate.of(2025, 12, 23))).isTrue();
		assertThat(christmas.isWorkingDay(LocalDate.of(2025, 12, 24))).isFalse();
		assertThat(christmas.isWorkingDay(LocalDate.of(2025, 12, 26))).isFalse();
		assertThat(christmas.isWorkingDay(LocalDate.of(2025, 12, 29))).isTrue();
	}

	@ParameterizedTest(name = "{0} + {1} working days = {2}")
	@CsvSource({ "2025-06-02T08:00:00Z,2,2025-06-04T08:00:00Z", // Monday → Wednesday
			"2025-06-05T08:00:00Z,2,2025-06-09T08:00:00Z", // Thursday → Monday
			"2025-06-06T08:00:00Z,5,2025-06-13T08:00:00Z", // Friday → next Friday
			"2025-06-07T08:00:00Z,1,2025-06-09T08:00:00Z", // Saturday → Monday
			"2025-06-07T08:00:00Z,0,2025-06-09T08:00:00Z", // Saturday, due now → Monday
			"2025-06-04T08:00:00Z,0,2025-06-04T08:00:00Z", // Wednesday, due now → now
			"2025-06-02T08:00:00Z,10,2025-06-16T08:00:00Z" })
	void countsWorkingDaysOverWeekends(Instant from, int days, Instant due) {
		assertThat(weekendsOnly.workingDaysAfter(from, days)).isEqualTo(due);
	}

	@Test
	void dueDateThatWouldFallOnAClosedDayMovesToTheNextWorkingDay() {
		// Monday 22 December 2025, 09:00 in the clinic: two working days on would be
		// Wednesday 24th, which is closed; the run of closed days and the weekend after
		// it push it to Monday 29th and Tuesday 30th.
		Instant monday = Instant.parse("2025-12-22T08:00:00Z");

		assertThat(christmas.workingDaysAfter(monday, 1)).isEqualTo(Instant.parse("2025-12-23T08:00:00Z"));
		assertThat(christmas.workingDaysAfter(monday, 2)).isEqualTo(Instant.parse("2025-12-29T08:00:00Z"));
		assertThat(christmas.workingDaysAfter(monday, 3)).isEqualTo(Instant.parse("2025-12-30T08:00:00Z"));
		// 31st and 1st closed again: the 4th working day is Friday 2 January.
		assertThat(christmas.workingDaysAfter(monday, 4)).isEqualTo(Instant.parse("2026-01-02T08:00:00Z"));
	}

	@Test
	void dueNowOnAClosedDayMeansTheNextWorkingDay() {
		Instant christmasEve = Instant.parse("2025-12-24T10:00:00Z");

		assertThat(christmas.workingDaysAfter(christmasEve, 0)).isEqualTo(Instant.parse("2025-12-29T10:00:00Z"));
		assertThat(christmas.workingDayOnOrAfter(LocalDate.of(2025, 12, 24))).isEqualTo(LocalDate.of(2025, 12, 29));
		assertThat(christmas.workingDayOnOrAfter(LocalDate.of(2025, 12, 29))).isEqualTo(LocalDate.of(2025, 12, 29));
	}

	@Test
	void theDayIsTheClinicsNotTheServers() {
		// Friday 6 June 2025, 22:30 UTC is already Saturday 00:30 in Berlin.
		Instant lateFriday = Instant.parse("2025-06-06T22:30:00Z");

		assertThat(weekendsOnly.dateOf(lateFriday)).isEqualTo(LocalDate.of(2025, 6, 7));
		assertThat(weekendsOnly.today(Clock.fixed(lateFriday, ZoneOffset.UTC))).isEqualTo(LocalDate.of(2025, 6, 7));
		// Due now: in the clinic it is Saturday, so Monday 00:30; a calendar counting in
		// UTC would still see a working Friday.
		assertThat(weekendsOnly.workingDaysAfter(lateFriday, 0)).isEqualTo(Instant.parse("2025-06-08T22:30:00Z"));
		assertThat(new ClinicCalendar(ZoneOffset.UTC, Set.of()).workingDaysAfter(lateFriday, 0)).isEqualTo(lateFriday);
	}

	@Test
	void aClosedDayIsClosedFromTheClinicsMidnight() {
		ClinicCalendar closedMonday = new ClinicCalendar(BERLIN, Set.of(LocalDate.of(2025, 6, 9)));
		// Sunday 8 June, 22:30 UTC is Monday 00:30 in the clinic: the closed Monday.
		Instant justAfterMidnight = Instant.parse("2025-06-08T22:30:00Z");

		assertThat(closedMonday.isWorkingDay(closedMonday.dateOf(justAfterMidnight))).isFalse();
		assertThat(closedMonday.workingDaysAfter(justAfterMidnight, 0))
			.isEqualTo(Instant.parse("2025-06-09T22:30:00Z"));
	}

	@Test
	void dueDatesKeepTheClinicsWallClockTimeAcrossSummerTime() {
		// Friday 28 March 2025, 09:00 CET; summer time starts on Sunday 30 March, so
		// Monday 09:00 CEST is 07:00 UTC, one hour less than 72 hours later.
		assertThat(weekendsOnly.workingDaysAfter(Instant.parse("2025-03-28T08:00:00Z"), 1))
			.isEqualTo(Instant.parse("2025-03-31T07:00:00Z"));
		// Friday 24 October 2025, 09:00 CEST; back to CET on Sunday 26 October.
		assertThat(weekendsOnly.workingDaysAfter(Instant.parse("2025-10-24T07:00:00Z"), 1))
			.isEqualTo(Instant.parse("2025-10-27T08:00:00Z"));
	}

	@Test
	void calendarDaysEndingOnAWeekendOrClosedDayMoveToTheNextWorkingDay() {
		// Tuesday 16 December 2025, 10:00 in the clinic.
		Instant tuesday = Instant.parse("2025-12-16T09:00:00Z");

		assertThat(christmas.daysAfter(tuesday, 7)).as("a working Tuesday")
			.isEqualTo(Instant.parse("2025-12-23T09:00:00Z"));
		assertThat(christmas.daysAfter(tuesday, 4)).as("Saturday").isEqualTo(Instant.parse("2025-12-22T09:00:00Z"));
		assertThat(christmas.daysAfter(tuesday, 8)).as("Christmas Eve")
			.isEqualTo(Instant.parse("2025-12-29T09:00:00Z"));
	}

	@Test
	void calendarDaysKeepTheClinicsWallClockTimeAcrossSummerTime() {
		// Monday 17 March 2025, 09:00 CET; two weeks on is 09:00 CEST.
		assertThat(weekendsOnly.daysAfter(Instant.parse("2025-03-17T08:00:00Z"), 14))
			.isEqualTo(Instant.parse("2025-03-31T07:00:00Z"));
	}

	@Test
	void refusesCountingBackwards() {
		assertThatIllegalArgumentException().isThrownBy(() -> weekendsOnly.workingDaysAfter(Instant.EPOCH, -1));
		assertThatIllegalArgumentException().isThrownBy(() -> weekendsOnly.daysAfter(Instant.EPOCH, -1));
	}

}
