package org.prolo.portal.intake;

/**
 * Intake's answer to a submission (its SubmissionResponse): the new referral's id and
 * status.
 *
 * @param replayed true when intake answered an earlier submission of the same form
 * (Idempotent-Replayed), so nothing new was created
 */
public record SubmittedReferral(String id, String status, boolean replayed) {

}
