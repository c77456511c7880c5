/**
 * Appointments and the rule that places them: clinic working days (the shared clinic
 * calendar: Monday to Friday, minus its closed days), a daily capacity, and course
 * sessions at the planned interval. Plain Java, no framework types.
 */
package org.prolo.scheduling.booking;
