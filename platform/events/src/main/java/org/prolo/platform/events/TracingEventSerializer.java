package org.prolo.platform.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.modulith.events.core.EventSerializer;

/**
 * Stores the event's traceparent inside its JSON in event_publication, as a first
 * property {@code "@traceparent"} that the event's own deserializer never sees.
 * Publications stored without one still read as before.
 */
class TracingEventSerializer implements EventSerializer {

	static final String PROPERTY = "@traceparent";

	private static final Pattern STORED = Pattern
		.compile("^\\{\"" + Pattern.quote(PROPERTY) + "\":\"([0-9a-f-]{1,64})\",?");

	private final EventSerializer delegate;

	private final OutboxTracing tracing;

	TracingEventSerializer(EventSerializer delegate, OutboxTracing tracing) {
		this.delegate = delegate;
		this.tracing = tracing;
	}

	@Override
	public Object serialize(Object event) {
		Object serialized = delegate.serialize(event);
		if (!(serialized instanceof String json) || !json.startsWith("{")) {
			return serialized;
		}
		String traceparent = tracing.traceparentOf(event);
		if (traceparent == null) {
			return json;
		}
		String rest = json.substring(1);
		return "{\"" + PROPERTY + "\":\"" + traceparent + "\"" + (rest.startsWith("}") ? "" : ",") + rest;
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		String traceparent = null;
		Object plain = serialized;
		if (serialized instanceof String json) {
			Matcher stored = STORED.matcher(json);
			if (stored.find()) {
				traceparent = stored.group(1);
				plain = "{" + json.substring(stored.end());
			}
		}
		T event = delegate.deserialize(plain, type);
		tracing.remember(event, traceparent);
		return event;
	}

}
