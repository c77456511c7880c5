package org.prolo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes a record value the way a third-party consumer would that has nothing but the
 * .avsc files of schemas/: the single-object header (C3 01 + CRC-64-AVRO fingerprint)
 * picks the writer schema, Avro's generic reader does the rest. Written against the Avro
 * specification, deliberately not with this project's codec.
 */
final class SchemasOnlyDecoder {

	private final Map<Long, Schema> byFingerprint = new HashMap<>();

	SchemasOnlyDecoder(Path schemasDir) {
		try (Stream<Path> files = Files.walk(schemasDir)) {
			files.filter(file -> file.toString().endsWith(".avsc")).forEach(file -> {
				try {
					Schema schema = new Schema.Parser().parse(file.toFile());
					byFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int schemaCount() {
		return byFingerprint.size();
	}

	GenericRecord decode(byte[] value) {
		if (value.length < 10 || value[0] != (byte) 0xC3 || value[1] != (byte) 0x01) {
			throw new IllegalArgumentException("not Avro single-object encoded");
		}
		long fingerprint = ByteBuffer.wrap(value, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
		Schema writer = byFingerprint.get(fingerprint);
		if (writer == null) {
			throw new IllegalArgumentException("no .avsc in schemas/ has fingerprint " + Long.toHexString(fingerprint));
		}
		try {
			return new GenericDatumReader<GenericRecord>(writer).read(null,
					DecoderFactory.get().binaryDecoder(value, 10, value.length - 10, null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
