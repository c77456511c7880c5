package org.prolo.notification.letter;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why a referral was refused or has to wait, in words a referring physician understands:
 * one sentence per reason code of triage and of the suitability table (clinical-policy).
 * Triage's reason is typed by the coordinator, so a code not listed here is quoted as it
 * is.
 */
public final class ReasonWording {

	/** The reasonCode outputs of DMN prolotherapy-suitability. */
	public static final Set<String> SUITABILITY_CODES = Set.of("ACTIVE_INFECTION", "MALIGNANCY_AT_SITE",
			"IMAGING_RED_FLAG", "ALLERGY_TO_INJECTATE", "NOT_CHRONIC", "SURGICAL_OPINION_NEEDED", "BLEEDING_RISK",
			"PREGNANCY", "GLYCAEMIC_CONTROL", "CONDITION_OUTSIDE_PROTOCOL", "CONSERVATIVE_CARE_NOT_TRIED", "INDICATED");

	/** The reasons intake coordinators give when triage rejects a referral. */
	public static final Set<String> TRIAGE_CODES = Set.of("OUT_OF_SCOPE", "INSUFFICIENT_INFORMATION",
			"DUPLICATE_REFERRAL", "URGENT_CARE_NEEDED", "NOT_CHRONIC");

	/**
	 * The reason the workflow gives itself: a clinician found a referral not suitable
	 * that the table's criteria allowed (workflow's SuitabilityReview).
	 */
	public static final Set<String> WORKFLOW_CODES = Set.of("CLINICIAN_OVERRIDE");

	/** Why scheduling could not book a referral at once. */
	public static final Set<String> SCHEDULING_CODES = Set.of("CALENDAR_FULL");

	private static final Map<String, String> SENTENCES = Map.ofEntries(
			Map.entry("CALENDAR_FULL",
					"Every appointment the clinic can offer within the next year is taken, so the referral waits "
							+ "on the clinic's waiting list and is booked as soon as an appointment becomes free."),
			Map.entry("OUT_OF_SCOPE",
					"The referral asks for care the clinic does not provide: it treats chronic musculoskeletal "
							+ "pain at ligaments and tendons with prolotherapy only."),
			Map.entry("INSUFFICIENT_INFORMATION",
					"The referral does not give enough clinical information for the clinic to decide on it."),
			Map.entry("DUPLICATE_REFERRAL", "The clinic already has an open referral for this patient."),
			Map.entry("URGENT_CARE_NEEDED",
					"The symptoms described need urgent assessment, which a planned prolotherapy referral cannot "
							+ "provide."),
			Map.entry("ACTIVE_INFECTION",
					"There is an active infection at or near the treatment site; injecting there could spread it."),
			Map.entry("MALIGNANCY_AT_SITE",
					"A tumour is known or suspected at the treatment site; it needs assessment and treatment first."),
			Map.entry("IMAGING_RED_FLAG",
					"Imaging showed a red flag (fracture, tumour, infection or inflammatory arthritis) that needs "
							+ "its own work-up before any injection treatment."),
			Map.entry("ALLERGY_TO_INJECTATE",
					"Your patient is allergic to dextrose (corn) or to the local anaesthetic given with the "
							+ "injections."),
			Map.entry("NOT_CHRONIC",
					"The pain has lasted less than three months; prolotherapy is for pain that has lasted at least "
							+ "three months."),
			Map.entry("SURGICAL_OPINION_NEEDED",
					"Your patient has a complete (full-thickness) tendon or ligament tear, which needs a surgical "
							+ "opinion rather than prolotherapy."),
			Map.entry("BLEEDING_RISK",
					"Your patient takes anticoagulants or has a bleeding disorder, which makes repeated injections "
							+ "a bleeding risk."),
			Map.entry("PREGNANCY", "Your patient is pregnant; the clinic does not give prolotherapy in pregnancy."),
			Map.entry("GLYCAEMIC_CONTROL",
					"Your patient's diabetes is not well controlled, and dextrose injections can disturb blood "
							+ "glucose."),
			Map.entry("CONDITION_OUTSIDE_PROTOCOL",
					"The condition is not one the clinic's prolotherapy protocol covers."),
			Map.entry("CONSERVATIVE_CARE_NOT_TRIED",
					"Conservative care (exercise, physiotherapy or medication for at least six weeks) has not been "
							+ "tried yet, and should come first."),
			Map.entry("CLINICIAN_OVERRIDE",
					"The clinic's criteria would allow prolotherapy, but the examining clinician found it not "
							+ "suitable for your patient; the clinician's note explains why."),
			Map.entry("INDICATED",
					"The clinic's criteria would allow prolotherapy, but the examining clinician decided against it; "
							+ "the clinician's note explains why."));

	private ReasonWording() {
	}

	/** The sentence for a reason code, if the clinic has one. */
	public static Optional<String> sentence(String reasonCode) {
		return Optional.ofNullable((reasonCode != null) ? SENTENCES.get(reasonCode) : null);
	}

}
