package org.prolo.portal.intake;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A referral as intake's GET /api/referrals/{id} shows it to its referrer (intake's
 * ReferralView). Fields the portal does not know are ignored, so intake may add some.
 *
 * @param fhirStatus the FHIR Task.status code of {@code status}
 * @param waitingFor what the referral waits for on the clinic's waiting list (EXAM or
 * COURSE), null while nothing waits
 * @param openQuestion the clinic's question while the status is INFO_REQUESTED
 * @param outcome how it ended, once closed
 * @param referrerReference the physician's own reference, when they gave one
 */
public record IntakeReferral(String id, String status, String fhirStatus, String waitingFor, Referrer referrer,
		Patient patient, String condition, String bodySite, Integer painDurationMonths, Boolean priorConservativeCare,
		Boolean anticoagulated, Boolean allergyToInjectate, Boolean pregnant, Boolean uncontrolledDiabetes,
		Boolean activeInfectionAtSite, Boolean malignancyAtSite, String urgency, String notes, Instant submittedAt,
		String openQuestion, Outcome outcome, String referrerReference) {

	// Only the id: the rest may hold patient data and toString ends up in logs.
	@Override
	public String toString() {
		return "IntakeReferral[" + id + ", " + status + "]";
	}

	public record Referrer(String id, String name, String email) {
	}

	public record Patient(String pseudonym, String name, LocalDate birthDate, String address) {

		@Override
		public String toString() {
			return "Patient[" + pseudonym + "]";
		}

	}

	/**
	 * @param code the closed status, e.g. NOT_SUITABLE
	 * @param reasonCode the clinic's reason code, e.g. NOT_CHRONIC
	 * @param note the clinic's note to the referrer, or the referrer's withdrawal reason
	 */
	public record Outcome(String code, String reasonCode, String note, Instant closedAt) {

		@Override
		public String toString() {
			return "Outcome[" + code + ", " + reasonCode + "]";
		}

	}

}
