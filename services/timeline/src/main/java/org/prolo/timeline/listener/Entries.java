package org.prolo.timeline.listener;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.prolo.platform.events.CloudEventHeaders;
import org.prolo.timeline.timeline.EventKind;
import org.prolo.timeline.timeline.TimelineEntry;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * Builds an entry from an event's CloudEvents headers (raw bytes or text, as spring-kafka
 * mapped them).
 */
final class Entries {

	private Entries() {
	}

	static TimelineEntry of(Map<String, Object> headers, String referralId, EventKind kind, String outcome,
			String summary) {
		String time = text(headers, CloudEventHeaders.TIME);
		Instant occurredAt = (time != null) ? Instant.parse(time) : receivedTimestamp(headers);
		return new TimelineEntry(text(headers, CloudEventHeaders.ID), referralId, kind, occurredAt,
				text(headers, CloudEventHeaders.SOURCE), summary, kind.statusAfter(outcome));
	}

	private static Instant receivedTimestamp(Map<String, Object> headers) {
		return (headers.get(KafkaHeaders.RECEIVED_TIMESTAMP) instanceof Long millis) ? Instant.ofEpochMilli(millis)
				: Instant.now();
	}

	static String text(Map<String, Object> headers, String name) {
		Object value = headers.get(name);
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

	/** Appends " (code)" when there is a code. */
	static String withCode(String text, CharSequence code) {
		return (code != null && !code.isEmpty()) ? text + " (" + code + ")" : text;
	}

}
