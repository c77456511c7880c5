package org.prolo.notification.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.prolo.notification.outbox.StoredLetter;

/**
 * A letter and its delivery: PENDING (stored, not yet accepted by SMTP), SENT (accepted
 * by SMTP) or NOTIFIED (sent and ReferrerNotified published).
 */
public record LetterView(String id, String referralId, String kind, String recipient, String subject, String body,
		@Schema(allowableValues = {
				"PENDING", "SENT", "NOTIFIED" }) String status,
		String causationEventId, Instant writtenAt, Instant sentAt){

	static LetterView of(StoredLetter letter) {
		String status = letter.notified() ? "NOTIFIED" : letter.sent() ? "SENT" : "PENDING";
		return new LetterView(letter.id(), letter.referralId(), letter.kind().name(), letter.recipient(),
				letter.subject(), letter.body(), status, letter.causationEventId(), letter.writtenAt(),
				letter.sentAt());
	}

}
