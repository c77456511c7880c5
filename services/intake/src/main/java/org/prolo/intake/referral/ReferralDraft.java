package org.prolo.intake.referral;

import java.time.LocalDate;

/**
 * A referral as the physician submits it, before any rule was checked: every value may be
 * missing or wrong, codes are still text.
 */
public record ReferralDraft(String referrerId, String referrerName, String referrerEmail, String patientPseudonym,
		String patientName, LocalDate patientBirthDate, String patientAddress, String condition, String bodySite,
		Integer painDurationMonths, Boolean priorConservativeCare, Boolean anticoagulated, Boolean allergyToInjectate,
		Boolean pregnant, Boolean uncontrolledDiabetes, Boolean activeInfectionAtSite, Boolean malignancyAtSite,
		String urgency, String notes, String referrerReference) {

	/** A draft without a reference of the physician's own. */
	public ReferralDraft(String referrerId, String referrerName, String referrerEmail, String patientPseudonym,
			String patientName, LocalDate patientBirthDate, String patientAddress, String condition, String bodySite,
			Integer painDurationMonths, Boolean priorConservativeCare, Boolean anticoagulated,
			Boolean allergyToInjectate, Boolean pregnant, Boolean uncontrolledDiabetes, Boolean activeInfectionAtSite,
			Boolean malignancyAtSite, String urgency, String notes) {
		this(referrerId, referrerName, referrerEmail, patientPseudonym, patientName, patientBirthDate, patientAddress,
				condition, bodySite, painDurationMonths, priorConservativeCare, anticoagulated, allergyToInjectate,
				pregnant, uncontrolledDiabetes, activeInfectionAtSite, malignancyAtSite, urgency, notes, null);
	}

	@Override
	public String toString() {
		// No patient data and no free text in logs.
		return "ReferralDraft[referrer=" + referrerId + ", pseudonym=" + patientPseudonym + ", condition=" + condition
				+ "]";
	}

}
