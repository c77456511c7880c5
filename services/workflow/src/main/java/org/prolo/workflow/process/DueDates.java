package org.prolo.workflow.process;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Date;

import org.prolo.workflow.lifecycle.WorkingDays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code camunda:dueDate="${dueDates.workingDaysFromNow(2)}"} on every user task. */
@Component("dueDates")
public class DueDates {

	private final WorkingDays workingDays;

	private final Clock clock;

	public DueDates(@Value("${prolo.workflow.clinic-time-zone:Europe/Berlin}") ZoneId clinicZone, Clock clock) {
		this.workingDays = new WorkingDays(clinicZone);
		this.clock = clock;
	}

	public Date workingDaysFromNow(int days) {
		return Date.from(workingDays.after(clock.instant(), days));
	}

}
