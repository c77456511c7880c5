package org.prolo.portal.waitinglist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.prolo.platform.security.problems.FieldProblem;
import org.prolo.portal.web.FieldErrors;

/**
 * The clinic leads' "Add slots" form as typed. The portal checks only that it can send it
 * (a date, a whole number); which days and how many slots scheduling takes is
 * scheduling's to say, and its refusals come back as the fields' errors.
 */
record SlotsForm(String date, String slots) {

	/** Scheduling's limit, for the field's hint and the browser's own check. */
	static final int MAX_SLOTS = 50;

	static final String DATE_LABEL = "Day";

	static final String SLOTS_LABEL = "Number of slots";

	static SlotsForm blank() {
		return new SlotsForm("", "1");
	}

	/**
	 * @param date null when the field has an error
	 */
	record Checked(LocalDate date, int slots, FieldErrors errors) {
	}

	Checked check() {
		FieldErrors.Builder errors = FieldErrors.builder();
		LocalDate day = null;
		int count = 0;
		if (this.date == null || this.date.isBlank()) {
			errors.add("date", null, DATE_LABEL + " is required.");
		}
		else {
			try {
				day = LocalDate.parse(this.date.strip());
			}
			catch (DateTimeParseException ex) {
				errors.add("date", null, DATE_LABEL + " must be a date such as 2026-12-14.");
			}
		}
		if (this.slots == null || this.slots.isBlank()) {
			errors.add("slots", null, SLOTS_LABEL + " is required.");
		}
		else {
			try {
				count = Integer.parseInt(this.slots.strip());
			}
			catch (NumberFormatException ex) {
				errors.add("slots", null, SLOTS_LABEL + " must be a whole number from 1 to " + MAX_SLOTS + ".");
			}
		}
		return new Checked(day, count, errors.build());
	}

	/** Scheduling's 400 problem as the form's errors. */
	static FieldErrors refused(List<FieldProblem> problems) {
		FieldErrors.Builder errors = FieldErrors.builder();
		for (FieldProblem problem : problems) {
			switch (String.valueOf(problem.field())) {
				case "date" -> errors.add("date", null, FieldErrors.sentence(DATE_LABEL, problem.message()));
				case "slots" -> errors.add("slots", null, FieldErrors.sentence(SLOTS_LABEL, problem.message()));
				default ->
					errors.add(null, null, "The scheduling service did not accept the request: " + problem.message());
			}
		}
		return errors.build();
	}

}
