/**
 * REST API to read a referral's bookings, for coordinators and the timeline. Read-only:
 * bookings are made from the workflow's events.
 */
package org.prolo.scheduling.appointments;
