/**
 * The imaging service: owns the imaging order a clinician requests during the physical
 * exam and publishes radiology's report, so that the workflow can decide suitability on
 * it.
 */
package org.prolo.imaging;
