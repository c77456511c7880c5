/**
 * Following referrals over HTTP: one referral with its status and FHIR Task status, and a
 * referrer's referrals, newest first.
 */
package org.prolo.intake.tracking;
