/**
 * Publishing intake's domain events on Kafka through the transactional outbox (Spring
 * Modulith's JDBC event publication registry): each is mapped to its Avro event, without
 * the patient's identity.
 */
package org.prolo.intake.publishing;
