package org.prolo.portal.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * The body of intake's POST /api/referrals (its SubmitReferralRequest). A value the
 * physician left out or typed unreadably is null, for intake to name.
 */
public record NewReferral(Referrer referrer, Patient patient, String condition, String bodySite,
		Integer painDurationMonths, Boolean priorConservativeCare, Boolean anticoagulated, Boolean allergyToInjectate,
		Boolean pregnant, Boolean uncontrolledDiabetes, Boolean activeInfectionAtSite, Boolean malignancyAtSite,
		String urgency, String notes, @JsonInclude(JsonInclude.Include.NON_NULL) String referrerReference) {

	@Override
	public String toString() {
		return "NewReferral[" + condition + ", " + urgency + "]";
	}

	public record Referrer(String id, String name, String email) {
	}

	/**
	 * @param pseudonym optional; intake generates one when it is null
	 */
	public record Patient(String pseudonym, String name, LocalDate birthDate, String address) {

		@Override
		public String toString() {
			return "Patient[" + pseudonym + "]";
		}

	}

}
