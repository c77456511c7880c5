package org.prolo.scheduling.booking;

/**
 * What scheduling keeps of each submitted referral to order and show its waiting list:
 * the patient's pseudonym and the urgency, nothing that names the patient. Implemented by
 * an adapter.
 */
public interface Referrals {

	/**
	 * @return true when this call recorded the referral, false when it was known
	 */
	boolean record(String referralId, String patientPseudonym, String urgency);

	boolean isUrgent(String referralId);

}
