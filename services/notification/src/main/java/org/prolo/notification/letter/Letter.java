package org.prolo.notification.letter;

import java.util.Objects;

/**
 * A letter ready to send: plain text, addressed to the referrer, about one referral.
 */
public record Letter(String referralId, LetterKind kind, String recipient, String subject, String body) {

	public Letter {
		Objects.requireNonNull(referralId, "referralId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(body, "body");
	}

}
