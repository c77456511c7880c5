package org.prolo.notification.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.prolo.notification.letter.Addressee;
import org.prolo.notification.letter.Letter;
import org.prolo.notification.letter.WritingLetters;
import org.prolo.notification.referrer.CourseDates;
import org.prolo.notification.referrer.ReferrerContact;
import org.prolo.notification.referrer.ReferrerContacts;
import org.prolo.platform.events.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases: each consumed event is applied exactly once, in one transaction that records the
 * event id, stores the letter and registers its sending in the outbox.
 */
@Service
@Transactional
public class Correspondence {

	private static final Logger log = LoggerFactory.getLogger(Correspondence.class);

	private final ProcessedEvents processedEvents;

	private final ReferrerContacts contacts;

	private final CourseDates courseDates;

	private final Letters letters;

	private final WritingLetters writing;

	private final ApplicationEventPublisher outbox;

	private final Clock clock;

	public Correspondence(ProcessedEvents processedEvents, ReferrerContacts contacts, CourseDates courseDates,
			Letters letters, WritingLetters writing, ApplicationEventPublisher outbox, Clock clock) {
		this.processedEvents = processedEvents;
		this.contacts = contacts;
		this.courseDates = courseDates;
		this.letters = letters;
		this.writing = writing;
		this.outbox = outbox;
		this.clock = clock;
	}

	public void referralSubmitted(Cause cause, ReferrerContact contact) {
		if (processedEvents.firstDelivery(cause.eventId(), cause.eventType())) {
			contacts.add(contact, clock.instant());
			log.info("Learned the referrer {} of referral {}", contact.referrerId(), contact.referralId());
		}
	}

	public void accepted(Cause cause, String referralId) {
		write(cause, referralId, writing::accepted);
	}

	public void informationRequested(Cause cause, String referralId, String question, Instant answerDueAt) {
		write(cause, referralId, to -> writing.informationRequested(to, question, answerDueAt));
	}

	public void closed(Cause cause, String referralId, String outcome, String reasonCode, String noteToReferrer) {
		write(cause, referralId,
				to -> writing.closed(to, outcome, reasonCode, noteToReferrer, courseDates.of(referralId)));
	}

	public void courseScheduled(Cause cause, String referralId, List<LocalDate> dates) {
		write(cause, referralId, to -> {
			courseDates.replace(referralId, dates);
			return writing.sessionsScheduled(to, dates);
		});
	}

	private void write(Cause cause, String referralId, Function<Addressee, Letter> template) {
		ReferrerContact contact = contacts.find(referralId)
			.orElseThrow(() -> new ReferrerNotKnownException(referralId));
		// A unique causation id backs up the processed_event check; checking first keeps a
		// PostgreSQL transaction from being aborted by a failed insert.
		if (!processedEvents.firstDelivery(cause.eventId(), cause.eventType()) || letters.existsFor(cause.eventId())) {
			log.debug("Dropped redelivered event {} for referral {}", cause.eventId(), referralId);
			return;
		}
		Letter letter = template.apply(contact.addressee());
		StoredLetter stored = letters.add(letter, contact.referrerId(), cause.eventId(), clock.instant());
		outbox.publishEvent(new LetterWritten(stored.id()));
		log.info("Wrote {} letter {} for referral {}", letter.kind(), stored.id(), referralId);
	}

}
