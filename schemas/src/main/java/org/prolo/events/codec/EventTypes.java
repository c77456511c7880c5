package org.prolo.events.codec;

import java.util.List;

import org.apache.avro.Schema;

/** The CloudEvents type of an event: the full name of its Avro record. */
public final class EventTypes {

	private EventTypes() {
	}

	public static String typeOf(Schema schema) {
		return schema.getFullName();
	}

	/** The full names of every event type in the published contracts. */
	public static List<String> published() {
		return EventSchemaStore.published().schemas().stream().map(Schema::getFullName).distinct().sorted().toList();
	}

}
