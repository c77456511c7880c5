/**
 * The imaging order and its radiology findings: plain Java domain with the rules for
 * opening and reporting an order. No framework, Kafka or Avro types here; adapters map to
 * and from it.
 */
package org.prolo.imaging.order;
