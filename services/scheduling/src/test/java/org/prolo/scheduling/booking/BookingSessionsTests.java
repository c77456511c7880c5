package org.prolo.scheduling.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.prolo.calendar.ClinicCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BookingSessionsTests {

	private static final LocalDate FRIDAY = LocalDate.of(2025, 12, 19);

	private static final List<LocalDate> CHRISTMAS = List.of(LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 25),
			LocalDate.of(2025, 12, 26), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1));

	private static final DayBookings NOTHING_BOOKED = day -> 0;

	private final BookingSessions clinic = new BookingSessions(
			new ClinicCalendar(ZoneId.of("Europe/Berlin"), CHRISTMAS), 8, 7);

	@Test
	void booksTheExamOnTheNextWorkingDayNotToday() {
		Appointment exam = clinic.bookExam("ref-1", FRIDAY, NOTHING_BOOKED).orElseThrow();

		assertThat(exam).isEqualTo(new Appointment("ref-1", Purpose.EXAM, 1, LocalDate.of(2025, 12, 22)));
	}

	@Test
	void booksTheExamOnTheNextDayWhenTodayIsAWorkingDay() {
		LocalDate monday = LocalDate.of(2025, 12, 22);

		assertThat(clinic.bookExam("ref-1", monday, NOTHING_BOOKED).orElseThrow().date())
			.isEqualTo(LocalDate.of(2025, 12, 23));
	}

	@Test
	void movesTheExamPastAFullDay() {
		var onePerDay = new BookingSessions(new ClinicCalendar(ZoneId.of("Europe/Berlin"), CHRISTMAS), 1, 7);
		DayBookings mondayFull = day -> day.equals(LocalDate.of(2025, 12, 22)) ? 1 : 0;

		assertThat(onePerDay.bookExam("ref-1", FRIDAY, mondayFull).orElseThrow().date())
			.isEqualTo(LocalDate.of(2025, 12, 23));
	}

	@Test
	void booksACoursePlannedOnAFridayOverChristmasAtItsInterval() {
		List<Appointment> course = clinic.bookCourse("ref-1", FRIDAY, new CoursePlan(5, 4), NOTHING_BOOKED)
			.orElseThrow();

		// Due Friday 26 December (closed) -> Monday 29; then every 4 weeks from that
		// Monday.
		assertThat(course).extracting(Appointment::date)
			.containsExactly(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 26), LocalDate.of(2026, 2, 23),
					LocalDate.of(2026, 3, 23), LocalDate.of(2026, 4, 20));
		assertThat(course).extracting(Appointment::number).containsExactly(1, 2, 3, 4, 5);
		assertThat(course).allSatisfy(a -> assertThat(a.purpose()).isEqualTo(Purpose.COURSE));
	}

	@Test
	void movesOnlyTheSessionThatFallsOnAClosure() {
		// First session Thursday 4 December; session 2 is due Thursday 1 January
		// (closed).
		var noLead = new BookingSessions(new ClinicCalendar(ZoneId.of("Europe/Berlin"), CHRISTMAS), 8, 0);

		List<Appointment> course = noLead
			.bookCourse("ref-1", LocalDate.of(2025, 12, 4), new CoursePlan(3, 4), NOTHING_BOOKED)
			.orElseThrow();

		assertThat(course).extracting(Appointment::date)
			.containsExactly(LocalDate.of(2025, 12, 4), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 29));
	}

	@Test
	void movesSessionsPastFullDaysWithOneSlotPerDay() {
		var onePerDay = new BookingSessions(new ClinicCalendar(ZoneId.of("Europe/Berlin"), CHRISTMAS), 1, 7);
		Map<LocalDate, Integer> booked = Map.of(LocalDate.of(2025, 12, 29), 1, LocalDate.of(2025, 12, 30), 1,
				LocalDate.of(2026, 1, 26), 1);

		List<Appointment> course = onePerDay
			.bookCourse("ref-1", FRIDAY, new CoursePlan(3, 4), day -> booked.getOrDefault(day, 0))
			.orElseThrow();

		// 29 and 30 full, 31 closed -> Friday 2 January; session 2 due 30 January,
		// session 3 due 27 February.
		assertThat(course).extracting(Appointment::date)
			.containsExactly(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 27));
	}

	@Test
	void countsItsOwnSessionsAgainstTheDailyCapacity() {
		// A closed week pushes session 2 onto the day session 3 is due on.
		List<LocalDate> closedWeek = List.of(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 13),
				LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 16),
				LocalDate.of(2026, 1, 19));
		var onePerDay = new BookingSessions(new ClinicCalendar(ZoneId.of("Europe/Berlin"), closedWeek), 1, 0);

		List<Appointment> course = onePerDay
			.bookCourse("ref-1", LocalDate.of(2026, 1, 5), new CoursePlan(3, 1), NOTHING_BOOKED)
			.orElseThrow();

		assertThat(course).extracting(Appointment::date)
			.containsExactly(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 21));
	}

	@Test
	void neverBooksAWeekendOrClosure() {
		var onePerDay = new BookingSessions(new ClinicCalendar(ZoneId.of("Europe/Berlin"), CHRISTMAS), 1, 7);
		for (LocalDate planned = FRIDAY.minusDays(14); planned
			.isBefore(FRIDAY.plusDays(14)); planned = planned.plusDays(1)) {
			assertThat(onePerDay.bookCourse("ref-1", planned, new CoursePlan(10, 1), NOTHING_BOOKED).orElseThrow())
				.allSatisfy(a -> assertThat(a.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))
				.allSatisfy(a -> assertThat(a.date()).isNotIn(CHRISTMAS));
		}
	}

	@Test
	void booksNothingWhenNoSlotIsFreeWithinTheHorizon() {
		assertThat(clinic.bookExam("ref-1", FRIDAY, day -> 8)).isEmpty();
	}

	@Test
	void booksNoCourseWhenOneSessionFindsNoSlot() {
		LocalDate lastFree = FRIDAY.plusDays(30);
		DayBookings fullAfter = day -> day.isAfter(lastFree) ? 8 : 0;

		assertThat(clinic.bookCourse("ref-1", FRIDAY, new CoursePlan(1, 4), fullAfter)).isPresent();
		assertThat(clinic.bookCourse("ref-1", FRIDAY, new CoursePlan(3, 4), fullAfter)).isEmpty();
	}

	@Test
	void booksIntoSlotsAddedOnAFullDay() {
		LocalDate monday = LocalDate.of(2025, 12, 22);
		DayBookings fullButMonday = new DayBookings() {
			@Override
			public int bookedOn(LocalDate day) {
				return 8;
			}

			@Override
			public int extraSlotsOn(LocalDate day) {
				return day.equals(monday) ? 1 : 0;
			}
		};

		assertThat(clinic.bookExam("ref-1", FRIDAY, fullButMonday)).map(Appointment::date).contains(monday);
	}

	@Test
	void refusesPlansOutsideTheAllowedLimits() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CoursePlan(0, 4));
		assertThatIllegalArgumentException().isThrownBy(() -> new CoursePlan(11, 4));
		assertThatIllegalArgumentException().isThrownBy(() -> new CoursePlan(3, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new CoursePlan(3, 13));
	}

}
