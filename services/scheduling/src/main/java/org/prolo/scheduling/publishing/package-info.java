/**
 * Publishes bookings as SessionsScheduled on scheduling.appointment-events, from the
 * transactional outbox (Spring Modulith's event publication registry), so no committed
 * booking goes unannounced.
 */
package org.prolo.scheduling.publishing;
