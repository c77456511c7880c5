/**
 * Publishes radiology reports as ImagingReported, and orders closed unreported as
 * ImagingOrderClosed, on imaging.imaging-events, from the transactional outbox (Spring
 * Modulith's event publication registry), so no committed report is lost.
 */
package org.prolo.imaging.reports;
