package org.prolo.platform.events;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.prolo.events.codec.EventCodec;

/**
 * The one value deserializer of the product. The generated class is chosen by the writer
 * schema's fingerprint, so listeners dispatch on the Java type. Wrapped in spring-kafka's
 * ErrorHandlingDeserializer, a record that cannot be decoded goes to the dead-letter
 * topic instead of stopping the consumer.
 */
public class AvroEventDeserializer implements Deserializer<SpecificRecord> {

	private final EventCodec codec;

	public AvroEventDeserializer() {
		this(EventCodec.published());
	}

	public AvroEventDeserializer(EventCodec codec) {
		this.codec = codec;
	}

	@Override
	public SpecificRecord deserialize(String topic, byte[] data) {
		return (data != null) ? codec.decode(data) : null;
	}

}
