/**
 * Domain of the referral lifecycle: plain Java, no Spring, Camunda, Kafka or Avro. The
 * facts each stage publishes, the referral to assess and the rules that a completed
 * task's input must satisfy. Working days come from the shared clinic calendar.
 */
package org.prolo.workflow.lifecycle;
