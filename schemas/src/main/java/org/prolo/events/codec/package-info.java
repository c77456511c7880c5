/**
 * The wire format of every event: Avro single-object encoding (marker C3 01, the writer
 * schema's 8-byte CRC-64-AVRO fingerprint, the Avro binary body), decodable by anyone who
 * has the .avsc files.
 */
package org.prolo.events.codec;
