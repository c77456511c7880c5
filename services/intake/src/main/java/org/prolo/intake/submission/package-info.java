/**
 * Submitting a referral: the use case SubmittingReferral (a physician in their own name,
 * with Idempotency-Key replay and a rate limit per physician), and its REST adapter POST
 * /api/referrals.
 */
package org.prolo.intake.submission;
