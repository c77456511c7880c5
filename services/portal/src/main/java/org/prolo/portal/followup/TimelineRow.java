package org.prolo.portal.followup;

import java.time.ZoneId;

import org.prolo.portal.intake.TimelineEntry;
import org.prolo.portal.web.Shown;

/** One event on the referral's timeline. */
public record TimelineRow(Shown at, String event, String summary) {

	static TimelineRow of(TimelineEntry entry, ZoneId zone) {
		return new TimelineRow(Shown.of(entry.at(), zone), words(entry.type()), entry.summary());
	}

	/** ReferralInfoRequested: "Referral info requested". */
	static String words(String type) {
		if (type == null || type.isBlank()) {
			return "Event";
		}
		String spaced = type.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
		return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

}
