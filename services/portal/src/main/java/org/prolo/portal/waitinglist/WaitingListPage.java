package org.prolo.portal.waitinglist;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.prolo.portal.figures.WaitingReferral;
import org.prolo.portal.referral.Urgency;
import org.prolo.portal.web.Shown;

/**
 * What the waiting list shows: one section per purpose, exams first, each in service
 * order.
 *
 * @param sections null when scheduling gave no list
 * @param missingBecause why there is no list, in words; null when there is one
 */
public record WaitingListPage(List<Section> sections, String missingBecause) {

	/** Scheduling's purposes in the order it serves them, with their words. */
	static final Map<String, Purpose> PURPOSES = Map.of("EXAM",
			new Purpose("exam", "Waiting for an exam", "Exam", "an exam"), "COURSE",
			new Purpose("course", "Waiting for a course of treatment", "Course of treatment", "a course of treatment"));

	/**
	 * @param id the stem of the ids of the section's heading and table
	 * @param waiting in service order: urgent first, then the longest waiting
	 * @param oldest the one waiting longest, null when none waits
	 */
	public record Section(String id, String heading, String purposeWords, List<Row> waiting, Row oldest) {

		public int count() {
			return this.waiting.size();
		}

		/** How many wait and for how long the longest has, in one sentence. */
		public String summary() {
			if (this.oldest == null) {
				return "No referral waits for " + this.purposeWords + ".";
			}
			String who = (count() == 1) ? "1 referral waits" : count() + " referrals wait";
			String since = (this.oldest.waitingSince() != null) ? " (since " + this.oldest.waitingSince().text() + ")"
					: "";
			return who + " for " + this.purposeWords + "; the longest has waited " + this.oldest.daysWaiting() + since
					+ ".";
		}

	}

	/**
	 * One waiting referral.
	 *
	 * @param position its place in the order of service, from 1
	 * @param pseudonym the patient's pseudonym; "not known yet" until scheduling has read
	 * the submission
	 * @param daysWaiting in words ("1 day")
	 */
	public record Row(int position, String referralId, String pseudonym, String purpose, String urgency, boolean urgent,
			Shown waitingSince, String daysWaiting) {
	}

	record Purpose(String id, String heading, String label, String words) {
	}

	static WaitingListPage of(List<WaitingReferral> waiting, ZoneId zone) {
		Map<String, List<WaitingReferral>> byPurpose = new LinkedHashMap<>();
		byPurpose.put("EXAM", new ArrayList<>());
		byPurpose.put("COURSE", new ArrayList<>());
		// Scheduling's order within a purpose is the order of service: kept as it came.
		waiting.forEach(entry -> byPurpose.computeIfAbsent(String.valueOf(entry.purpose()), key -> new ArrayList<>())
			.add(entry));
		List<Section> sections = new ArrayList<>();
		byPurpose.forEach((code, entries) -> {
			Purpose purpose = PURPOSES.getOrDefault(code,
					new Purpose(code.toLowerCase(Locale.ROOT), "Waiting: " + code, code, code));
			List<Row> rows = new ArrayList<>();
			Row oldest = null;
			Instant earliest = null;
			for (WaitingReferral entry : entries) {
				Row row = new Row(rows.size() + 1, entry.referralId(),
						(entry.patientPseudonym() != null) ? entry.patientPseudonym() : "not known yet",
						purpose.label(), Urgency.labelFor(entry.urgency()), "URGENT".equals(entry.urgency()),
						Shown.of(entry.waitlistedAt(), zone), days(entry.daysWaiting()));
				rows.add(row);
				// Urgent ones come first, so the longest waiting may be further down.
				if (oldest == null || (entry.waitlistedAt() != null
						&& (earliest == null || entry.waitlistedAt().isBefore(earliest)))) {
					earliest = entry.waitlistedAt();
					oldest = row;
				}
			}
			sections.add(new Section(purpose.id(), purpose.heading(), purpose.words(), List.copyOf(rows), oldest));
		});
		return new WaitingListPage(List.copyOf(sections), null);
	}

	static WaitingListPage missing(String because) {
		return new WaitingListPage(null, because);
	}

	static String days(long days) {
		return (days == 1) ? "1 day" : days + " days";
	}

}
