/**
 * Kafka adapters: one class-level listener per consumed topic (intake.referral-events,
 * imaging.imaging-events) that maps each event and calls one application service.
 */
package org.prolo.workflow.inbound;
