/**
 * Domain of the referral lifecycle: plain Java, no Spring, Camunda, Kafka or Avro. The
 * facts each stage publishes, the referral to assess, working-day due dates and the rules
 * that a completed task's input must satisfy.
 */
package org.prolo.workflow.lifecycle;
