package org.prolo.timeline.listener;

import java.time.Instant;
import java.util.Map;

import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.timeline.timeline.EventKind;
import org.prolo.timeline.timeline.TimelineEntry;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * Builds an entry from what a listener says of an event and its CloudEvents attributes.
 */
final class Entries {

	private Entries() {
	}

	/**
	 * @param detail what of the event decides its status (see
	 * {@link EventKind#statusAfter(String)}), null if nothing
	 */
	static Draft draft(String referralId, EventKind kind, String detail, String summary) {
		return new Draft(referralId, kind, detail, summary);
	}

	/** Appends " (code)" when there is a code. */
	static String withCode(String text, CharSequence code) {
		return (code != null && !code.isEmpty()) ? text + " (" + code + ")" : text;
	}

	/** An entry waiting for the event's id, time and source. */
	record Draft(String referralId, EventKind kind, String detail, String summary) {

		TimelineEntry entry(CloudEventHeaders event, Map<String, Object> headers) {
			Instant occurredAt = (event.time() != null) ? event.time() : receivedTimestamp(headers);
			return new TimelineEntry(event.id(), referralId, kind, occurredAt, event.source(), summary,
					kind.statusAfter(detail));
		}

		private static Instant receivedTimestamp(Map<String, Object> headers) {
			return (headers.get(KafkaHeaders.RECEIVED_TIMESTAMP) instanceof Long millis) ? Instant.ofEpochMilli(millis)
					: Instant.now();
		}

	}

}
