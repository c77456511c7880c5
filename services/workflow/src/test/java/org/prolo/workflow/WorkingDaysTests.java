package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prolo.workflow.lifecycle.WorkingDays;

class WorkingDaysTests {

	final WorkingDays workingDays = new WorkingDays(ZoneId.of("Europe/Berlin"));

	@ParameterizedTest(name = "{0} + {1} working days = {2}")
	@CsvSource({ "2025-06-02T08:00:00Z,2,2025-06-04T08:00:00Z", // Monday → Wednesday
			"2025-06-05T08:00:00Z,2,2025-06-09T08:00:00Z", // Thursday → Monday
			"2025-06-06T08:00:00Z,5,2025-06-13T08:00:00Z", // Friday → next Friday
			"2025-06-07T08:00:00Z,1,2025-06-09T08:00:00Z", // Saturday → Monday
			"2025-06-02T08:00:00Z,10,2025-06-16T08:00:00Z" })
	void skipsWeekends(Instant from, int days, Instant due) {
		assertThat(workingDays.after(from, days)).isEqualTo(due);
	}

}
