package org.prolo.notification.outbox;

/** The event a letter answers: its CloudEvents id and type. */
public record Cause(String eventId, String eventType) {
}
