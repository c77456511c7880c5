/**
 * Takes the clinician's imaging requests off workflow.referral-events and opens one order
 * per request, whatever the number of deliveries; a close without a course takes the
 * referral's open orders off the worklist.
 */
package org.prolo.imaging.requests;
