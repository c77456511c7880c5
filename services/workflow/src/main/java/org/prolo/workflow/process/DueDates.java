package org.prolo.workflow.process;

import java.time.Clock;
import java.util.Date;

import org.prolo.calendar.ClinicCalendar;

import org.springframework.stereotype.Component;

/**
 * {@code camunda:dueDate="${dueDates.workingDaysFromNow(2)}"} on every user task, and the
 * same expression on its overdue timer, so a task and its escalation fall due together on
 * a day the clinic works.
 */
@Component("dueDates")
public class DueDates {

	private final ClinicCalendar calendar;

	private final Clock clock;

	public DueDates(ClinicCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	public Date workingDaysFromNow(int days) {
		return Date.from(calendar.workingDaysAfter(clock.instant(), days));
	}

	/**
	 * A deadline in calendar days that never ends on a day the clinic is closed: the
	 * referrer's answer to a request for information,
	 * {@code timeDate="${dueDates.daysFromNow(14)}"}.
	 */
	public Date daysFromNow(int days) {
		return Date.from(calendar.daysAfter(clock.instant(), days));
	}

}
