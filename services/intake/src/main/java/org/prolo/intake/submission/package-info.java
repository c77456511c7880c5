/**
 * Submitting a referral: the use case SubmittingReferral with Idempotency-Key replay, and
 * its REST adapter POST /api/referrals.
 */
package org.prolo.intake.submission;
