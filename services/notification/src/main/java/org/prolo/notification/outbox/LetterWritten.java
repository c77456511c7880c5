package org.prolo.notification.outbox;

/**
 * Published inside the transaction that stored the letter; the event publication registry
 * keeps it until {@link LetterDispatcher} has sent the letter and announced it.
 *
 * @param eventId the CloudEvents id of the letter's ReferrerNotified, chosen here and
 * stored with the publication, so an announcement sent again keeps it
 */
public record LetterWritten(String letterId, String eventId) {

	public LetterWritten {
		// A ReferrerNotified sent again under a new id would reach consumers as a second
		// notification.
		if (eventId == null || eventId.isBlank()) {
			throw new IllegalArgumentException("Letter " + letterId + " is written without the id of its announcement");
		}
	}

}
