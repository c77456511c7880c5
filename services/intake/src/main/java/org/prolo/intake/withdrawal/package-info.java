/**
 * Withdrawing a referral: the use case WithdrawingReferral and its REST adapter POST
 * /api/referrals/{id}/withdrawal.
 */
package org.prolo.intake.withdrawal;
