/**
 * JDBC adapter of {@link org.prolo.intake.referral.Referrals}: maps referrals to the
 * {@code referral} table. Internal to the referral module; other modules use the port.
 */
package org.prolo.intake.referral.storage;
