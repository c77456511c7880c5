/**
 * Appointments and the rule that places them: clinic working days (Monday to Friday,
 * minus closures), a daily capacity, and course sessions at the planned interval. Plain
 * Java, no framework types.
 */
package org.prolo.scheduling.booking;
