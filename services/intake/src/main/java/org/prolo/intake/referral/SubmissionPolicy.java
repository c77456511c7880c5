package org.prolo.intake.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a referral must satisfy to be accepted for triage, beyond the request's
 * shape. Each rule looks only at values that are present: a missing value is reported by
 * {@link #violationsOf} once, as missing, so that a caller can list every bad field in
 * one answer.
 */
public final class SubmissionPolicy {

	public static final int MAX_PAIN_DURATION_MONTHS = 600;

	public static final int MAX_NOTES_LENGTH = 2000;

	public static final int MAX_TEXT_LENGTH = 200;

	public static final int MAX_ADDRESS_LENGTH = 500;

	/** Opaque ids only: a pseudonym must not be able to carry a name. */
	public static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9-]{3,64}");

	public static final int MAX_REFERENCE_LENGTH = 40;

	/**
	 * The physician's own reference: a case or order number from their system, searched
	 * by prefix. Letters, digits and a few separators, so that it can be typed, shown and
	 * searched without escaping.
	 */
	public static final Pattern REFERRER_REFERENCE = Pattern
		.compile("[A-Za-z0-9][A-Za-z0-9 ._/-]{0," + (MAX_REFERENCE_LENGTH - 1) + "}");

	// Deliberately loose: the mail server is the judge; this catches typing slips only.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private SubmissionPolicy() {
	}

	/**
	 * Every rule the draft breaks, in field order; empty when it may be submitted on
	 * {@code today}.
	 */
	public static List<Violation> violationsOf(ReferralDraft draft, LocalDate today) {
		var found = new ArrayList<Violation>();
		text(found, "referrer.id", draft.referrerId(), MAX_TEXT_LENGTH);
		text(found, "referrer.name", draft.referrerName(), MAX_TEXT_LENGTH);
		if (text(found, "referrer.email", draft.referrerEmail(), MAX_TEXT_LENGTH)
				&& !EMAIL.matcher(draft.referrerEmail()).matches()) {
			found.add(new Violation("referrer.email", "must be a well-formed email address"));
		}
		if (draft.patientPseudonym() != null && !PSEUDONYM.matcher(draft.patientPseudonym()).matches()) {
			found.add(new Violation("patient.pseudonym", "must be 3 to 64 letters, digits or hyphens"));
		}
		text(found, "patient.name", draft.patientName(), MAX_TEXT_LENGTH);
		if (required(found, "patient.birthDate", draft.patientBirthDate())
				&& !draft.patientBirthDate().isBefore(today)) {
			found.add(new Violation("patient.birthDate", "must be a date in the past"));
		}
		text(found, "patient.address", draft.patientAddress(), MAX_ADDRESS_LENGTH);
		if (required(found, "condition", draft.condition()) && !isPolicyCondition(draft.condition())) {
			found.add(new Violation("condition", "must be one of " + Arrays.toString(Condition.values())));
		}
		text(found, "bodySite", draft.bodySite(), MAX_TEXT_LENGTH);
		if (required(found, "painDurationMonths", draft.painDurationMonths())
				&& (draft.painDurationMonths() < 0 || draft.painDurationMonths() > MAX_PAIN_DURATION_MONTHS)) {
			found.add(new Violation("painDurationMonths", "must be between 0 and " + MAX_PAIN_DURATION_MONTHS));
		}
		required(found, "priorConservativeCare", draft.priorConservativeCare());
		required(found, "anticoagulated", draft.anticoagulated());
		required(found, "allergyToInjectate", draft.allergyToInjectate());
		required(found, "pregnant", draft.pregnant());
		required(found, "uncontrolledDiabetes", draft.uncontrolledDiabetes());
		required(found, "activeInfectionAtSite", draft.activeInfectionAtSite());
		required(found, "malignancyAtSite", draft.malignancyAtSite());
		if (required(found, "urgency", draft.urgency()) && !isUrgency(draft.urgency())) {
			found.add(new Violation("urgency", "must be one of " + Arrays.toString(Urgency.values())));
		}
		if (draft.notes() != null && draft.notes().length() > MAX_NOTES_LENGTH) {
			found.add(new Violation("notes", "must be at most " + MAX_NOTES_LENGTH + " characters"));
		}
		if (draft.referrerReference() != null && !REFERRER_REFERENCE.matcher(draft.referrerReference()).matches()) {
			found.add(new Violation("referrerReference", "must be 1 to " + MAX_REFERENCE_LENGTH
					+ " letters, digits, spaces or . _ / -, starting with a letter or digit"));
		}
		return List.copyOf(found);
	}

	public static boolean isPolicyCondition(String code) {
		return Arrays.stream(Condition.values()).anyMatch(c -> c.name().equals(code));
	}

	public static boolean isUrgency(String code) {
		return Arrays.stream(Urgency.values()).anyMatch(u -> u.name().equals(code));
	}

	private static boolean required(List<Violation> found, String field, Object value) {
		if (value == null) {
			found.add(new Violation(field, "must not be null"));
			return false;
		}
		return true;
	}

	private static boolean text(List<Violation> found, String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			found.add(new Violation(field, "must not be blank"));
			return false;
		}
		if (value.length() > maxLength) {
			found.add(new Violation(field, "must be at most " + maxLength + " characters"));
			return false;
		}
		return true;
	}

}
