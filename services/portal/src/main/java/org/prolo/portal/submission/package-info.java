/**
 * "Submit a referral": the form for every field of intake's SubmitReferralRequest, with
 * HTML5 rules that mirror intake's, one Idempotency-Key per rendered form, intake's field
 * errors next to the fields with an error summary, and Post/Redirect/Get to the new
 * referral's page.
 */
package org.prolo.portal.submission;
