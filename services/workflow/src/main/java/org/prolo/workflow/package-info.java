/**
 * The workflow service: the referral's BPMN process, its decision tables and forms
 * (deployed from bpmn/), the Kafka adapters that drive it and the outbox that publishes
 * what happened.
 */
package org.prolo.workflow;
