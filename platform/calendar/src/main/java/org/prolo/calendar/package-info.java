/**
 * The clinic's calendar as plain Java: one time zone and the days the clinic is closed
 * besides weekends. Due dates, bookings and letters all ask it, so they agree on what day
 * it is in the clinic and on which days it works. No framework types, so the services'
 * domain packages may use it.
 */
package org.prolo.calendar;
