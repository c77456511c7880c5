package org.prolo.intake.fhir;

import java.util.function.Function;

import org.prolo.intake.referral.ClinicalFindings;

/**
 * The clinical facts of the suitability policy that FHIR's ServiceRequest has no element
 * for, carried as extensions on the ServiceRequest: the pain's duration (valueInteger,
 * months) and one valueBoolean per flag. Each is required, as in the JSON API.
 */
enum ClinicalExtension {

	PAIN_DURATION_MONTHS("painDurationMonths", "pain-duration-months", ClinicalFindings::painDurationMonths),
	PRIOR_CONSERVATIVE_CARE("priorConservativeCare", "prior-conservative-care",
			ClinicalFindings::priorConservativeCare),
	ANTICOAGULATED("anticoagulated", "anticoagulated", ClinicalFindings::anticoagulated),
	ALLERGY_TO_INJECTATE("allergyToInjectate", "allergy-to-injectate", ClinicalFindings::allergyToInjectate),
	PREGNANT("pregnant", "pregnant", ClinicalFindings::pregnant),
	UNCONTROLLED_DIABETES("uncontrolledDiabetes", "uncontrolled-diabetes", ClinicalFindings::uncontrolledDiabetes),
	ACTIVE_INFECTION_AT_SITE("activeInfectionAtSite", "active-infection-at-site",
			ClinicalFindings::activeInfectionAtSite),
	MALIGNANCY_AT_SITE("malignancyAtSite", "malignancy-at-site", ClinicalFindings::malignancyAtSite);

	static final String BASE = "https://prolo.example/fhir/StructureDefinition/";

	private final String field;

	private final String url;

	private final Function<ClinicalFindings, Object> value;

	ClinicalExtension(String field, String slug, Function<ClinicalFindings, Object> value) {
		this.field = field;
		this.url = BASE + slug;
		this.value = value;
	}

	/** The field of the JSON request (and of the submission policy's violations). */
	String field() {
		return field;
	}

	String url() {
		return url;
	}

	boolean isInteger() {
		return this == PAIN_DURATION_MONTHS;
	}

	Object valueIn(ClinicalFindings findings) {
		return value.apply(findings);
	}

}
