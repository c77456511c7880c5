package org.prolo.notification.outbox;

import org.prolo.platform.events.CloudEventHeaders;

/** The event a letter answers: its CloudEvents id and type. */
public record Cause(String eventId, String eventType) {

	public static Cause of(CloudEventHeaders event) {
		return new Cause(event.id(), event.type());
	}

}
