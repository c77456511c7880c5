package org.prolo.notification.outbox;

/**
 * Published inside the transaction that stored the letter; the event publication registry
 * keeps it until {@link LetterDispatcher} has sent the letter and announced it.
 */
public record LetterWritten(String letterId) {
}
