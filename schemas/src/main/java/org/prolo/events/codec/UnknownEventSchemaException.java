package org.prolo.events.codec;

import org.apache.avro.AvroRuntimeException;

/**
 * A record whose writer schema is not among the published ones: it cannot be read, only
 * parked.
 */
public class UnknownEventSchemaException extends AvroRuntimeException {

	public UnknownEventSchemaException(String message) {
		super(message);
	}

}
