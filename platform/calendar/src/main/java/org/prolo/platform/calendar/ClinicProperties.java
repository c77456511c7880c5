package org.prolo.platform.calendar;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clinic's calendar, the same for every service that reads dates.
 *
 * @param timeZone the clinic's time zone: what "today" is for bookings, the wall-clock
 * time of due dates, the dates printed in letters
 * @param closedDays days the clinic is closed besides weekends (public holidays,
 * closures): ISO dates ({@code 2025-12-25}) or inclusive runs
 * ({@code 2025-12-24..2026-01-01})
 */
@ConfigurationProperties("prolo.clinic")
public record ClinicProperties(@DefaultValue("Europe/Berlin") ZoneId timeZone, @DefaultValue List<String> closedDays) {

}
