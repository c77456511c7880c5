/**
 * Writes each letter in the transaction of its causing event and sends it afterwards
 * through Spring Modulith's JDBC event publication registry: a transactional outbox for
 * mail and Kafka.
 */
package org.prolo.notification.outbox;
