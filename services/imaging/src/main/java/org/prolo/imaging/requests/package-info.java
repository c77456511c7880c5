/**
 * Takes the clinician's imaging requests off workflow.referral-events and opens one order
 * per request, whatever the number of deliveries.
 */
package org.prolo.imaging.requests;
