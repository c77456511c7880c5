package org.prolo.intake.submission;

import org.prolo.intake.referral.Referral;

/**
 * The result of submitting.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key created the
 * referral
 */
public record Submission(Referral referral, boolean replayed) {

}
