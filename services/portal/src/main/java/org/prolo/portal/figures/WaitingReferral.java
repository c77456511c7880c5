package org.prolo.portal.figures;

import java.time.Instant;

/**
 * One entry of scheduling's {@code GET /api/waiting-list}: a referral waiting for a free
 * slot. The patient appears by pseudonym only.
 *
 * @param purpose EXAM or COURSE
 * @param patientPseudonym null until scheduling has read the referral's submission
 * @param urgency ROUTINE or URGENT
 * @param daysWaiting whole days since {@code waitlistedAt}, as scheduling counts them
 */
public record WaitingReferral(String referralId, String purpose, String patientPseudonym, String urgency,
		Instant waitlistedAt, long daysWaiting) {
}
