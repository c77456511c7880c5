package org.prolo.notification.outbox;

import java.time.Instant;

import org.prolo.notification.letter.Letter;
import org.prolo.notification.letter.LetterKind;

/** A letter as stored, with where it is in its delivery. */
public record StoredLetter(String id, String causationEventId, String referralId, String referrerId, LetterKind kind,
		String recipient, String subject, String body, Instant writtenAt, Instant sentAt, Instant notifiedAt) {

	public Letter letter() {
		return new Letter(referralId, kind, recipient, subject, body);
	}

	public boolean sent() {
		return sentAt != null;
	}

	public boolean notified() {
		return notifiedAt != null;
	}

}
