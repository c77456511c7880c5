package org.prolo.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * When the clinic works: Monday to Friday in its time zone, except its closed days
 * (public holidays, closures). Every date question is answered in the clinic's zone, so
 * an instant just after midnight in the clinic belongs to the clinic's new day wherever
 * the server runs.
 */
public final class ClinicCalendar {

	private final ZoneId zone;

	private final Set<LocalDate> closedDays;

	public ClinicCalendar(ZoneId zone, Collection<LocalDate> closedDays) {
		this.zone = Objects.requireNonNull(zone, "zone");
		this.closedDays = Set.copyOf(closedDays);
	}

	public ZoneId zone() {
		return zone;
	}

	public Set<LocalDate> closedDays() {
		return closedDays;
	}

	public boolean isWorkingDay(LocalDate day) {
		DayOfWeek dayOfWeek = day.getDayOfWeek();
		return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !closedDays.contains(day);
	}

	/** The clinic's date at that instant. */
	public LocalDate dateOf(Instant instant) {
		return instant.atZone(zone).toLocalDate();
	}

	/** The clinic's date now. */
	public LocalDate today(Clock clock) {
		return dateOf(clock.instant());
	}

	/** {@code day} itself if the clinic works then, else the next day it does. */
	public LocalDate workingDayOnOrAfter(LocalDate day) {
		LocalDate candidate = day;
		while (!isWorkingDay(candidate)) {
			candidate = candidate.plusDays(1);
		}
		return candidate;
	}

	/**
	 * The same wall-clock time on the n-th working day after {@code from}, in the
	 * clinic's zone; with 0 days, {@code from} itself unless that is not a working day,
	 * then the next one. Counting local days rather than 24-hour periods keeps a task due
	 * at 09:00 due at 09:00 across a change to or from summer time; a time that does not
	 * exist on that day (the hour skipped in spring) moves forward by the length of the
	 * gap.
	 */
	public Instant workingDaysAfter(Instant from, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
		}
		ZonedDateTime start = from.atZone(zone);
		LocalDate day = start.toLocalDate();
		for (int left = workingDays; left > 0;) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		day = workingDayOnOrAfter(day);
		return ZonedDateTime.ofLocal(day.atTime(start.toLocalTime()), zone, start.getOffset()).toInstant();
	}

	/**
	 * The same wall-clock time {@code days} calendar days after {@code from}, in the
	 * clinic's zone, moved on to the next working day if the clinic is closed then: a
	 * deadline of two weeks stays two weeks, but never ends on a closed day.
	 */
	public Instant daysAfter(Instant from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		return workingDaysAfter(from.atZone(zone).plusDays(days).toInstant(), 0);
	}

	@Override
	public String toString() {
		return "ClinicCalendar[zone=" + zone + ", closedDays=" + closedDays.size() + "]";
	}

}
