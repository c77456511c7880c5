/**
 * Following referrals over HTTP: one referral with its status and FHIR Task status, a
 * referrer's referrals, newest first, and a referral's timeline read from the timeline
 * service; each for the referrer and the clinic's staff only.
 */
package org.prolo.intake.tracking;
