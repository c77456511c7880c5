/**
 * The referral's timeline: its entries, its status with the FHIR Task status code, and
 * the stages whose durations are measured. Plain Java.
 */
package org.prolo.timeline.timeline;
