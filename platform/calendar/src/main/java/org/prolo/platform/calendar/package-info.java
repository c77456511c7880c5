/**
 * Binds {@code prolo.clinic.*} once and offers the one
 * {@link org.prolo.calendar.ClinicCalendar} bean to every service that has this module.
 */
package org.prolo.platform.calendar;
