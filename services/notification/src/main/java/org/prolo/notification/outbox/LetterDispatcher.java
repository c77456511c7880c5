package org.prolo.notification.outbox;

import java.time.Clock;
import java.time.Instant;

import org.prolo.events.ReferrerNotified;
import org.prolo.notification.mail.LetterMailer;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's consumer. Runs after the letter's transaction committed; the event
 * publication registry marks the {@link LetterWritten} complete only when this returns,
 * so a crash or a failure anywhere in here leaves it outstanding and it runs again (at
 * restart, or by {@link OutboxRetry}).
 *
 * <p>
 * Delivery is at-least-once at the SMTP edge: a crash after the SMTP server accepted the
 * mail but before {@code sent_at} was stored sends a second copy. Every later step is
 * guarded by the letter's own state, so a rerun never sends a letter that is marked sent,
 * and re-publishing ReferrerNotified after a crash between the broker's ack and
 * {@code notified_at} is the only other duplicate: it goes out under the ce_id chosen
 * with the {@link LetterWritten}, so consumers drop it by ce_id (or by its
 * causationEventId).
 *
 * <p>
 * Several nodes may be handed the same {@link LetterWritten} at once (a node's restart
 * resubmits every incomplete publication, also those another node is working on): the
 * mail is sent under the letter's row lock, so the second node waits for the first to
 * store {@code sent_at} and then does not mail it again.
 */
@Component
public class LetterDispatcher {

	private static final Logger log = LoggerFactory.getLogger(LetterDispatcher.class);

	private final Letters letters;

	private final LetterMailer mailer;

	private final EventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	public LetterDispatcher(Letters letters, LetterMailer mailer, EventPublisher events, Clock clock,
			TransactionTemplate transaction) {
		this.letters = letters;
		this.mailer = mailer;
		this.events = events;
		this.clock = clock;
		this.transaction = transaction;
	}

	@Async
	@TransactionalEventListener
	public void dispatch(LetterWritten written) {
		// In the trace of the event that caused the letter, also when re-sent.
		events.inTraceOf(written, () -> deliver(written));
	}

	private void deliver(LetterWritten written) {
		StoredLetter letter = transaction.execute(status -> mailUnlessSent(written.letterId()));
		Instant sentAt = letter.sentAt();
		if (!letter.notified()) {
			events.publishAndWait(EventTopics.NOTIFICATION,
					ReferrerNotified.newBuilder()
						.setReferralId(letter.referralId())
						.setNotifiedAt(sentAt)
						.setReferrerId(letter.referrerId())
						.setLetterKind(letter.kind().name())
						.setChannel("EMAIL")
						.setCausationEventId(letter.causationEventId())
						.build(),
					written.eventId());
			letters.markNotified(letter.id(), clock.instant());
		}
	}

	private StoredLetter mailUnlessSent(String letterId) {
		StoredLetter letter = letters.findForSending(letterId)
			.orElseThrow(() -> new IllegalStateException("Letter " + letterId + " is not stored"));
		if (letter.sent()) {
			return letter;
		}
		mailer.send(letter.id(), letter.letter());
		Instant sentAt = clock.instant();
		letters.markSent(letter.id(), sentAt);
		log.info("Sent {} letter {} for referral {}", letter.kind(), letter.id(), letter.referralId());
		return letters.find(letterId).orElseThrow();
	}

}
