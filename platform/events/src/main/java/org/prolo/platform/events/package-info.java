/**
 * How every service puts events on Kafka and takes them off: Avro single-object values,
 * CloudEvents binary-mode headers, the referral id as key, owned topics declared with
 * explicit partitions, and bounded retries ending in a {@code <topic>.DLT} dead-letter
 * topic that says why.
 */
package org.prolo.platform.events;
