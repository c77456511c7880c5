package org.prolo.scheduling.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.prolo.calendar.ClinicCalendar;

/**
 * The booking rule. Every appointment goes on the first clinic working day with a free
 * slot on or after the day it is due:
 * <ul>
 * <li>the exam is due the day after today (never today: the patient needs notice);</li>
 * <li>course session 1 is due {@code leadDays} after planning;</li>
 * <li>session k is due {@code (k-1) * intervalWeeks} weeks after the day session 1 was
 * booked on, so one moved session does not shift the rest of the course.</li>
 * </ul>
 * A day's capacity is {@code slotsPerDay} plus the extra slots clinic leads added for it.
 * When no working day within {@link #HORIZON_DAYS} of the due day has a free slot, there
 * is no booking: the caller puts the referral on the waiting list.
 */
public final class BookingSessions {

	/**
	 * How far ahead of the due day the clinic books at most; a referral that finds no
	 * slot within it waits on the waiting list instead.
	 */
	public static final int HORIZON_DAYS = 366;

	private final ClinicCalendar calendar;

	private final int slotsPerDay;

	private final int leadDays;

	public BookingSessions(ClinicCalendar calendar, int slotsPerDay, int leadDays) {
		if (slotsPerDay < 1) {
			throw new IllegalArgumentException("slotsPerDay must be at least 1");
		}
		if (leadDays < 0) {
			throw new IllegalArgumentException("leadDays must not be negative");
		}
		this.calendar = calendar;
		this.slotsPerDay = slotsPerDay;
		this.leadDays = leadDays;
	}

	/**
	 * The exam of an accepted referral, on the next working day with a free slot after
	 * today; empty when the calendar is full for the whole horizon.
	 */
	public Optional<Appointment> bookExam(String referralId, LocalDate today, DayBookings booked) {
		return firstFreeWorkingDay(today.plusDays(1), booked, Map.of())
			.map(date -> new Appointment(referralId, Purpose.EXAM, 1, date));
	}

	/**
	 * Every session of a course planned on {@code plannedOn}; empty when any session
	 * finds no free slot, since a course is booked whole or not at all.
	 */
	public Optional<List<Appointment>> bookCourse(String referralId, LocalDate plannedOn, CoursePlan plan,
			DayBookings booked) {
		// Sessions of this same course count against the daily capacity before they are
		// stored.
		Map<LocalDate, Integer> ours = new HashMap<>();
		List<Appointment> appointments = new ArrayList<>();
		LocalDate first = null;
		for (int number = 1; number <= plan.sessions(); number++) {
			LocalDate due = (first == null) ? plannedOn.plusDays(leadDays)
					: first.plusWeeks((long) (number - 1) * plan.intervalWeeks());
			Optional<LocalDate> free = firstFreeWorkingDay(due, booked, ours);
			if (free.isEmpty()) {
				return Optional.empty();
			}
			LocalDate date = free.get();
			if (first == null) {
				first = date;
			}
			ours.merge(date, 1, Integer::sum);
			appointments.add(new Appointment(referralId, Purpose.COURSE, number, date));
		}
		return Optional.of(appointments);
	}

	/** The last day a booking due on {@code from} may land on. */
	public static LocalDate horizonEnd(LocalDate from) {
		return from.plusDays(HORIZON_DAYS - 1);
	}

	private Optional<LocalDate> firstFreeWorkingDay(LocalDate from, DayBookings booked, Map<LocalDate, Integer> ours) {
		LocalDate day = from;
		for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
			if (calendar.isWorkingDay(day)
					&& booked.bookedOn(day) + ours.getOrDefault(day, 0) < slotsPerDay + booked.extraSlotsOn(day)) {
				return Optional.of(day);
			}
		}
		return Optional.empty();
	}

}
