/**
 * One referral's page: its status and outcome, the clinic's open question with the answer
 * form, the withdrawal form while it is open, and its timeline (left out, with a note,
 * when intake cannot give it).
 */
package org.prolo.portal.followup;
