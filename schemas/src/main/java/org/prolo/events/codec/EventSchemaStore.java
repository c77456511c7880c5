package org.prolo.events.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every published version of every event schema, found by its CRC-64-AVRO fingerprint.
 *
 * <p>
 * Loaded from the {@code events/} folder of the contracts module, which the build copies
 * into the jar with an index, so a consumer can read records written by a producer that
 * is one version ahead or behind.
 */
public final class EventSchemaStore implements SchemaStore {

	static final String ROOT = "org/prolo/events/schemas/";

	private final Map<Long, Schema> byFingerprint;

	private EventSchemaStore(Collection<Schema> schemas) {
		this.byFingerprint = schemas.stream()
			.collect(Collectors.toUnmodifiableMap(SchemaNormalization::parsingFingerprint64, Function.identity()));
	}

	/** The store of every version published in this build's contracts. */
	public static EventSchemaStore published() {
		return Holder.PUBLISHED;
	}

	/**
	 * A store of exactly these schemas; for tests and for tools that read .avsc files
	 * from disk.
	 */
	public static EventSchemaStore of(Collection<Schema> schemas) {
		return new EventSchemaStore(schemas);
	}

	@Override
	public Schema findByFingerprint(long fingerprint) {
		return byFingerprint.get(fingerprint);
	}

	public Collection<Schema> schemas() {
		return byFingerprint.values();
	}

	private static final class Holder {

		static final EventSchemaStore PUBLISHED = new EventSchemaStore(load());

		private static List<Schema> load() {
			ClassLoader loader = EventSchemaStore.class.getClassLoader();
			String index = read(loader, ROOT + "index.txt");
			return index.lines().filter(line -> !line.isBlank()).map(line -> {
				// One parser per version: all versions of an event share its full name.
				return new Schema.Parser().parse(read(loader, ROOT + line.strip()));
			}).toList();
		}

		private static String read(ClassLoader loader, String resource) {
			try (InputStream in = loader.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException(
							"Missing " + resource + " on the classpath: is the schemas jar built?");
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
