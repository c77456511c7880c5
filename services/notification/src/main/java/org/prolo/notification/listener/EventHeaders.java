package org.prolo.notification.listener;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.prolo.notification.outbox.Cause;
import org.prolo.platform.events.CloudEventHeaders;

/** Reads the CloudEvents headers however spring-kafka mapped them (raw bytes or text). */
final class EventHeaders {

	private EventHeaders() {
	}

	static Cause cause(Map<String, Object> headers) {
		return new Cause(text(headers, CloudEventHeaders.ID), text(headers, CloudEventHeaders.TYPE));
	}

	static String text(Map<String, Object> headers, String name) {
		Object value = headers.get(name);
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

}
