package org.prolo.events.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes events to Avro single-object bytes and decodes them back to their generated
 * class.
 *
 * <p>
 * The class is chosen by the writer schema's fingerprint, never by a string in a header,
 * so a consumer dispatches on the Java type. A record written with an older or newer
 * version of an event's schema is resolved into the version this build was generated
 * from.
 */
public final class EventCodec {

	private static final int HEADER_LENGTH = 10;

	private static final byte MARKER_0 = (byte) 0xC3;

	private static final byte MARKER_1 = (byte) 0x01;

	private final EventSchemaStore store;

	private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

	private final Map<Class<?>, BinaryMessageDecoder<SpecificRecord>> decoders = new ConcurrentHashMap<>();

	public EventCodec(EventSchemaStore store) {
		this.store = store;
	}

	/** The codec over every published schema version. */
	public static EventCodec published() {
		return new EventCodec(EventSchemaStore.published());
	}

	public byte[] encode(SpecificRecord event) {
		try {
			ByteBuffer buffer = encoders
				.computeIfAbsent(event.getClass(),
						type -> new BinaryMessageEncoder<>(SpecificData.get(), event.getSchema()))
				.encode(event);
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @throws BadHeaderException when the bytes are not single-object encoded
	 * @throws UnknownEventSchemaException when no published schema has the record's
	 * fingerprint, or no generated class exists for it
	 */
	public SpecificRecord decode(byte[] bytes) {
		Schema writer = writerSchema(bytes);
		Class<?> type = SpecificData.get().getClass(writer);
		if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
			throw new UnknownEventSchemaException("No generated class for event type " + writer.getFullName());
		}
		try {
			return decoders.computeIfAbsent(type, this::decoderFor).decode(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The schema the producer wrote the bytes with, found by the fingerprint in their
	 * header.
	 */
	public Schema writerSchema(byte[] bytes) {
		long fingerprint = fingerprintOf(bytes);
		Schema writer = store.findByFingerprint(fingerprint);
		if (writer == null) {
			throw new UnknownEventSchemaException("No published schema has fingerprint " + Long.toHexString(fingerprint)
					+ "; is schemas/ up to date?");
		}
		return writer;
	}

	/**
	 * The CRC-64-AVRO fingerprint of the writer schema, as the single-object header
	 * carries it.
	 */
	public static long fingerprintOf(byte[] bytes) {
		if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
			throw new BadHeaderException("Not Avro single-object encoded: the C3 01 marker is missing");
		}
		return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
	}

	private BinaryMessageDecoder<SpecificRecord> decoderFor(Class<?> type) {
		Schema reader = SpecificData.get().getSchema(type);
		BinaryMessageDecoder<SpecificRecord> decoder = new BinaryMessageDecoder<>(SpecificData.get(), reader, store);
		// The decoder only consults the store for fingerprints it has not seen;
		// registering every known version of this event up front keeps the hot path free
		// of store look-ups.
		store.schemas()
			.stream()
			.filter(schema -> schema.getFullName().equals(reader.getFullName()))
			.forEach(decoder::addSchema);
		return decoder;
	}

}
