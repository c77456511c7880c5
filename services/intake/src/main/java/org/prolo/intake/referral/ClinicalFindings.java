package org.prolo.intake.referral;

/**
 * What the referrer reports about the pain and the contraindications the suitability
 * policy reads.
 */
public record ClinicalFindings(Condition condition, String bodySite, int painDurationMonths,
		boolean priorConservativeCare, boolean anticoagulated, boolean allergyToInjectate, boolean pregnant,
		boolean uncontrolledDiabetes, boolean activeInfectionAtSite, boolean malignancyAtSite) {

}
