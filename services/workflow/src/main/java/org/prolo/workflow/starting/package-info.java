/**
 * Starting the assessment of a submitted referral: exactly one prolotherapy-referral
 * process instance per referral id, however often ReferralSubmitted is delivered.
 */
package org.prolo.workflow.starting;
