package org.prolo.platform.events;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.prolo.events.codec.EventCodec;

/**
 * The one value serializer of the product: Avro single-object encoding of a generated
 * event.
 */
public class AvroEventSerializer implements Serializer<SpecificRecord> {

	private final EventCodec codec;

	public AvroEventSerializer() {
		this(EventCodec.published());
	}

	public AvroEventSerializer(EventCodec codec) {
		this.codec = codec;
	}

	@Override
	public byte[] serialize(String topic, SpecificRecord event) {
		return (event != null) ? codec.encode(event) : null;
	}

}
