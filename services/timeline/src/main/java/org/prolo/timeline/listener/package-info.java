/**
 * Kafka listeners, one per topic: map each event to a patient-data-free timeline entry
 * and hand it to the TimelineRecorder.
 */
package org.prolo.timeline.listener;
