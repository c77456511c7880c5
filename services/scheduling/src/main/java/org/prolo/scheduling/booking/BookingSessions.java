package org.prolo.scheduling.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 */
public final class BookingSessions {

	/** How far ahead the clinic books at most; beyond that something is misconfigured. */
	static final int HORIZON_DAYS = 366;

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
	 * today.
	 */
	public Appointment bookExam(String referralId, LocalDate today, DayBookings booked) {
		LocalDate date = firstFreeWorkingDay(today.plusDays(1), booked, Map.of());
		return new Appointment(referralId, Purpose.EXAM, 1, date);
	}

	/** Every session of a course planned on {@code plannedOn}. */
	public List<Appointment> bookCourse(String referralId, LocalDate plannedOn, CoursePlan plan, DayBookings booked) {
		// Sessions of this same course count against the daily capacity before they are
		// stored.
		Map<LocalDate, Integer> ours = new HashMap<>();
		List<Appointment> appointments = new ArrayList<>();
		LocalDate first = null;
		for (int number = 1; number <= plan.sessions(); number++) {
			LocalDate due = (first == null) ? plannedOn.plusDays(leadDays)
					: first.plusWeeks((long) (number - 1) * plan.intervalWeeks());
			LocalDate date = firstFreeWorkingDay(due, booked, ours);
			if (first == null) {
				first = date;
			}
			ours.merge(date, 1, Integer::sum);
			appointments.add(new Appointment(referralId, Purpose.COURSE, number, date));
		}
		return appointments;
	}

	private LocalDate firstFreeWorkingDay(LocalDate from, DayBookings booked, Map<LocalDate, Integer> ours) {
		LocalDate day = from;
		for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
			if (calendar.isWorkingDay(day) && booked.bookedOn(day) + ours.getOrDefault(day, 0) < slotsPerDay) {
				return day;
			}
		}
		throw new NoFreeSlotException(from, HORIZON_DAYS);
	}

}
