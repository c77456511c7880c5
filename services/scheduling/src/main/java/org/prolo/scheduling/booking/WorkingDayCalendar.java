package org.prolo.scheduling.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/** The clinic's working days: Monday to Friday, except the days it is closed. */
public final class WorkingDayCalendar {

	private final Set<LocalDate> closures;

	public WorkingDayCalendar(Collection<LocalDate> closures) {
		this.closures = Set.copyOf(closures);
	}

	public boolean isWorkingDay(LocalDate day) {
		DayOfWeek dayOfWeek = day.getDayOfWeek();
		return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !closures.contains(day);
	}

}
