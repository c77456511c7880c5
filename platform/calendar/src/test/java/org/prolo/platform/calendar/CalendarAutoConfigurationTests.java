package org.prolo.platform.calendar;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.prolo.calendar.ClinicCalendar;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarAutoConfigurationTests {

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CalendarAutoConfiguration.class));

	@Test
	void bindsTheClinicsZoneAndClosedDaysFromOnePrefix() {
		context
			.withPropertyValues("prolo.clinic.time-zone=Europe/Lisbon",
					"prolo.clinic.closed-days=2025-12-24..2025-12-26,2026-01-01")
			.run(ctx -> {
				ClinicCalendar calendar = ctx.getBean(ClinicCalendar.class);
				assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
				assertThat(calendar.closedDays()).containsExactlyInAnyOrder(LocalDate.of(2025, 12, 24),
						LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26), LocalDate.of(2026, 1, 1));
			});
	}

	@Test
	void withoutConfigurationTheClinicIsInBerlinAndClosedOnlyAtWeekends() {
		context.run(ctx -> {
			ClinicCalendar calendar = ctx.getBean(ClinicCalendar.class);
			assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
			assertThat(calendar.closedDays()).isEmpty();
		});
	}

	@Test
	void aClosedDayThatIsNotADateStopsStartUp() {
		context.withPropertyValues("prolo.clinic.closed-days=2025-12-32")
			.run(ctx -> assertThat(ctx).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Closed days must be ISO dates")
				.hasStackTraceContaining("'2025-12-32'"));
	}

	@Test
	void anUnknownTimeZoneStopsStartUp() {
		context.withPropertyValues("prolo.clinic.time-zone=Europe/Atlantis").run(ctx -> assertThat(ctx).hasFailed());
	}

}
