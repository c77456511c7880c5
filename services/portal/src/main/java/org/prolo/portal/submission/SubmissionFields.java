package org.prolo.portal.submission;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.prolo.platform.security.problems.FieldProblem;
import org.prolo.portal.intake.NewReferral;
import org.prolo.portal.web.FieldErrors;

/**
 * The form's fields in page order, what intake calls each of them, and the conversion of
 * the typed text into intake's request. Intake is the judge of every rule; the portal
 * only reports what it could not even convert (a number that is no number, a date that is
 * no date) and sends null for it, so that one answer lists every problem.
 */
final class SubmissionFields {

	static final int MAX_TEXT_LENGTH = 200;

	static final int MAX_ADDRESS_LENGTH = 500;

	static final int MAX_NOTES_LENGTH = 2000;

	static final int MAX_PAIN_DURATION_MONTHS = 600;

	/** Intake's rule for a pseudonym: an opaque id that cannot carry a name. */
	static final String PSEUDONYM_PATTERN = "[A-Za-z0-9\\-]{3,64}";

	/** The yes/no questions, each a fieldset whose legend is the question. */
	static final List<Question> QUESTIONS = List.of(
			new Question("priorConservativeCare", "Prior conservative care",
					"Has the patient tried exercise, physiotherapy or medication for at least 6 weeks?"),
			new Question("anticoagulated", "Anticoagulants", "Does the patient take anticoagulants?"),
			new Question("allergyToInjectate", "Allergy to the injectate",
					"Is the patient allergic to dextrose or to local anaesthetics?"),
			new Question("pregnant", "Pregnancy", "Is the patient pregnant?"),
			new Question("uncontrolledDiabetes", "Uncontrolled diabetes",
					"Does the patient have uncontrolled diabetes?"),
			new Question("activeInfectionAtSite", "Infection at the site",
					"Is there an active infection at the site to be treated?"),
			new Question("malignancyAtSite", "Malignancy at the site",
					"Is there a malignancy at the site to be treated?"));

	/** Every field of the form in page order, with intake's name for it. */
	static final List<Field> FIELDS = fields();

	private SubmissionFields() {
	}

	private static List<Field> fields() {
		List<Field> fields = new ArrayList<>(List.of(new Field("referrerName", "referrer.name", "Your name", null),
				new Field("referrerEmail", "referrer.email", "Your e-mail address", null),
				new Field("patientName", "patient.name", "Patient's full name", null),
				new Field("patientBirthDate", "patient.birthDate", "Patient's date of birth", null),
				new Field("patientAddress", "patient.address", "Patient's address", null),
				new Field("patientPseudonym", "patient.pseudonym", "Your reference for the patient", null),
				new Field("condition", "condition", "Condition", null),
				new Field("bodySite", "bodySite", "Body site", null),
				new Field("painDurationMonths", "painDurationMonths", "Pain duration in months", null)));
		QUESTIONS.forEach(q -> fields.add(new Field(q.name(), q.name(), q.label(), q.yesId())));
		fields.add(new Field("urgency", "urgency", "Urgency", null));
		fields.add(new Field("notes", "notes", "Notes for the clinic", null));
		fields.add(new Field("referrerReference", "referrerReference", "Your reference for the referral", null));
		return List.copyOf(fields);
	}

	/**
	 * The request for intake, and the fields the portal could not convert (by form field
	 * name, with the sentence to show).
	 */
	static Conversion convert(String physicianId, ReferralForm form) {
		Map<String, String> problems = new LinkedHashMap<>();
		LocalDate birthDate = null;
		String typedDate = text(form.getPatientBirthDate());
		if (typedDate != null) {
			try {
				birthDate = LocalDate.parse(typedDate);
			}
			catch (DateTimeParseException ex) {
				problems.put("patientBirthDate",
						"Patient's date of birth must be a real date, written like 1970-01-31.");
			}
		}
		Integer months = null;
		String typedMonths = text(form.getPainDurationMonths());
		if (typedMonths != null) {
			try {
				months = Integer.valueOf(typedMonths);
			}
			catch (NumberFormatException ex) {
				problems.put("painDurationMonths", "Pain duration in months must be a whole number.");
			}
		}
		var request = new NewReferral(
				new NewReferral.Referrer(physicianId, text(form.getReferrerName()), text(form.getReferrerEmail())),
				new NewReferral.Patient(text(form.getPatientPseudonym()), text(form.getPatientName()), birthDate,
						text(form.getPatientAddress())),
				text(form.getCondition()), text(form.getBodySite()), months, yesNo(form.getPriorConservativeCare()),
				yesNo(form.getAnticoagulated()), yesNo(form.getAllergyToInjectate()), yesNo(form.getPregnant()),
				yesNo(form.getUncontrolledDiabetes()), yesNo(form.getActiveInfectionAtSite()),
				yesNo(form.getMalignancyAtSite()), text(form.getUrgency()), text(form.getNotes()),
				text(form.getReferrerReference()));
		return new Conversion(request, Map.copyOf(problems));
	}

	/**
	 * Intake's field errors and the portal's own, in the order of the form; problems with
	 * no field on the form (the referrer's id, the Idempotency-Key) come last.
	 */
	static FieldErrors errors(List<FieldProblem> fromIntake, Map<String, String> fromPortal) {
		Map<String, String> byField = new LinkedHashMap<>(fromPortal);
		List<String> elsewhere = new ArrayList<>();
		for (FieldProblem problem : fromIntake) {
			Optional<Field> field = FIELDS.stream().filter(f -> f.intakePath().equals(problem.field())).findFirst();
			if (field.isPresent()) {
				byField.putIfAbsent(field.get().name(), FieldErrors.sentence(field.get().label(), problem.message()));
			}
			else {
				elsewhere.add(FieldErrors.sentence(labelOfUnplaced(problem.field()), problem.message()));
			}
		}
		FieldErrors.Builder errors = FieldErrors.builder();
		for (Field field : FIELDS) {
			if (byField.containsKey(field.name())) {
				errors.add(field.name(), field.anchor(), byField.get(field.name()));
			}
		}
		elsewhere.forEach(text -> errors.add(null, null, text));
		return errors.build();
	}

	private static String labelOfUnplaced(String field) {
		if ("referrer.id".equals(field)) {
			return "Your user id";
		}
		return (field != null) ? field : "The referral";
	}

	private static String text(String typed) {
		if (typed == null) {
			return null;
		}
		String trimmed = typed.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static Boolean yesNo(String typed) {
		if ("yes".equals(typed)) {
			return Boolean.TRUE;
		}
		return "no".equals(typed) ? Boolean.FALSE : null;
	}

	/**
	 * A yes/no question of the form.
	 *
	 * @param label how the error summary names it
	 * @param legend the question, the fieldset's legend
	 */
	public record Question(String name, String label, String legend) {

		/** The id of the "Yes" radio button, which the error summary links to. */
		public String yesId() {
			return this.name + "-yes";
		}

		public String noId() {
			return this.name + "-no";
		}

	}

	/**
	 * @param name the form field's name and id
	 * @param intakePath intake's name for it in errors[]
	 * @param label the field's name in error sentences
	 * @param anchor the id the error summary links to when it is not the name
	 */
	record Field(String name, String intakePath, String label, String anchor) {
	}

	record Conversion(NewReferral request, Map<String, String> problems) {
	}

}
