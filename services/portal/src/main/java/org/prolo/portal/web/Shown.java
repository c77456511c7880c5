package org.prolo.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A date or time as a page shows it: words for people, ISO 8601 for the
 * {@code <time datetime>} attribute.
 */
public record Shown(String iso, String text) {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm",
			Locale.ENGLISH);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	/** Null for null, so that a page leaves out what intake did not send. */
	public static Shown of(Instant instant, ZoneId zone) {
		if (instant == null) {
			return null;
		}
		var local = instant.atZone(zone);
		return new Shown(local.toOffsetDateTime().toString(), DATE_TIME.format(local));
	}

	public static Shown of(LocalDate date) {
		return (date != null) ? new Shown(date.toString(), DATE.format(date)) : null;
	}

}
