package org.prolo.notification.letter;

import java.util.List;

/** What the clinician planned, as the closing letter of a planned course states it. */
public record CoursePlan(int sessions, int intervalWeeks, double dextrosePercent, List<String> injectionSites) {

	public CoursePlan {
		injectionSites = (injectionSites != null) ? List.copyOf(injectionSites) : List.of();
	}

}
