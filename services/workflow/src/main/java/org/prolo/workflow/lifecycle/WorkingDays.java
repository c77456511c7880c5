package org.prolo.workflow.lifecycle;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The clinic works Monday to Friday: a task due in n working days is due at the same time
 * of day on the n-th working day after it was created, counted in the clinic's time zone.
 */
public final class WorkingDays {

	private final ZoneId clinicZone;

	public WorkingDays(ZoneId clinicZone) {
		this.clinicZone = clinicZone;
	}

	public Instant after(Instant from, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
		}
		ZonedDateTime day = from.atZone(clinicZone);
		int left = workingDays;
		while (left > 0) {
			day = day.plusDays(1);
			if (isWorkingDay(day.getDayOfWeek())) {
				left--;
			}
		}
		// Created on a weekend with 0 days: due on the next working day.
		while (!isWorkingDay(day.getDayOfWeek())) {
			day = day.plusDays(1);
		}
		return day.toInstant();
	}

	public static boolean isWorkingDay(DayOfWeek day) {
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

}
