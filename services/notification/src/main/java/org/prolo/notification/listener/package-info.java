/**
 * Kafka listeners: one per consumed topic, mapping each Avro event to a call of the
 * Correspondence use cases. No logic of their own.
 */
package org.prolo.notification.listener;
