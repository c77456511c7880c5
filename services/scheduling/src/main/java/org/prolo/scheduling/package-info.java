/**
 * The scheduling service: books the exam appointment of an accepted referral and every
 * session of a planned course on clinic working days, and publishes what it booked.
 */
package org.prolo.scheduling;
