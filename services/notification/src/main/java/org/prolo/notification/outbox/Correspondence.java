package org.prolo.notification.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.prolo.notification.letter.Addressee;
import org.prolo.notification.letter.Cancellation;
import org.prolo.notification.letter.CoursePlan;
import org.prolo.notification.letter.Letter;
import org.prolo.notification.letter.LetterKind;
import org.prolo.notification.letter.WritingLetters;
import org.prolo.notification.referrer.CourseDates;
import org.prolo.notification.referrer.CoursePlans;
import org.prolo.notification.referrer.ReferrerContact;
import org.prolo.notification.referrer.ReferrerContacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases: each consumed event is applied exactly once, in one transaction that
 * records the event id (the listeners' OncePerEvent; the unique causation id of letters
 * and pending_letter backs it up), stores the letter (or keeps it pending until the
 * referrer is known) and registers its sending in the outbox.
 */
@Service
@Transactional
public class Correspondence {

	private static final Logger log = LoggerFactory.getLogger(Correspondence.class);

	private static final String COURSE_PLANNED = "COURSE_PLANNED";

	private final ReferrerContacts contacts;

	private final CourseDates courseDates;

	private final Letters letters;

	private final WritingLetters writing;

	private final ApplicationEventPublisher outbox;

	private final PendingLetters pending;

	private final CoursePlans coursePlans;

	private final CourseLetters courseLetters;

	private final Clock clock;

	public Correspondence(ReferrerContacts contacts, CourseDates courseDates, CoursePlans coursePlans,
			CourseLetters courseLetters, Letters letters, PendingLetters pending, WritingLetters writing,
			ApplicationEventPublisher outbox, Clock clock) {
		this.contacts = contacts;
		this.courseDates = courseDates;
		this.coursePlans = coursePlans;
		this.courseLetters = courseLetters;
		this.letters = letters;
		this.writing = writing;
		this.outbox = outbox;
		this.pending = pending;
		this.clock = clock;
	}

	public void referralSubmitted(Cause cause, ReferrerContact contact) {
		pending.lock(contact.referralId());
		if (!contacts.add(contact, clock.instant())) {
			return;
		}
		log.info("Learned the referrer {} of referral {}", contact.referrerId(), contact.referralId());
		for (PendingLetters.Pending letter : pending.takeAll(contact.referralId())) {
			write(letter.cause(), contact, letter.occasion());
		}
	}

	public void accepted(Cause cause, String referralId) {
		answer(cause, referralId, Occasion.accepted());
	}

	public void informationRequested(Cause cause, String referralId, String question, Instant answerDueAt) {
		answer(cause, referralId, Occasion.informationRequested(question, answerDueAt));
	}

	public void closed(Cause cause, String referralId, String outcome, String reasonCode, String noteToReferrer) {
		answer(cause, referralId, Occasion.closed(outcome, reasonCode, noteToReferrer));
	}

	public void courseScheduled(Cause cause, String referralId, List<LocalDate> dates) {
		answer(cause, referralId, Occasion.sessionsScheduled(dates));
	}

	/** The calendar was full: the referral waits for an appointment. */
	public void waitlisted(Cause cause, String referralId, String purpose, String reasonCode) {
		answer(cause, referralId, Occasion.waitlisted(purpose, reasonCode));
	}

	/**
	 * A referral that waited for its exam was booked. (A waiting course's dates go where
	 * booked course dates always go: the closing letter, or a letter with new dates.)
	 */
	public void examBookedFromWaitingList(Cause cause, String referralId, LocalDate date) {
		answer(cause, referralId, Occasion.examBookedFromWaitingList(date));
	}

	/** Keeps the plan for the closing letter; no letter of its own. */
	public void coursePlanned(Cause cause, String referralId, int sessions, int intervalWeeks, double dextrosePercent,
			List<String> injectionSites) {
		pending.lock(referralId);
		coursePlans.save(referralId, new CoursePlan(sessions, intervalWeeks, dextrosePercent, injectionSites));
	}

	/**
	 * A close cancelled booked appointments: a letter lists them, once scheduling has
	 * cancelled them (so it can come after the closing letter).
	 */
	public void appointmentsCancelled(Cause cause, String referralId, String outcome,
			List<CancelledBooking> cancelled) {
		answer(cause, referralId,
				Occasion.cancellations(outcome, cancelled.stream()
					.map(booking -> Cancellation.appointment(booking.purpose(), booking.number(), booking.date()))
					.toList()));
	}

	/** A close took an imaging order off the worklist: a letter says so. */
	public void imagingOrderClosed(Cause cause, String referralId, String outcome, String orderId) {
		answer(cause, referralId, Occasion.cancellations(outcome, List.of(Cancellation.imagingOrder(orderId))));
	}

	/**
	 * The event arrived before the ReferralSubmitted that names the referrer (another
	 * topic, so no order between them): rather than fail it into the dead-letter topic,
	 * its letter is kept pending and written, once, when the contact arrives. The
	 * referral lock makes "contact unknown, so park it" and "contact stored, so write
	 * what is parked" exclude each other.
	 */
	private void answer(Cause cause, String referralId, Occasion occasion) {
		pending.lock(referralId);
		if (occasion.kind() == LetterKind.SESSIONS_SCHEDULED) {
			// A rebooking supersedes the earlier plan, whether or not the referrer is
			// known yet.
			courseDates.replace(referralId, occasion.sessionDates());
		}
		Optional<ReferrerContact> contact = contacts.find(referralId);
		if (contact.isPresent()) {
			write(cause, contact.get(), occasion);
		}
		else {
			pending.add(cause, referralId, occasion, clock.instant());
			log.info("Keeping the {} letter for referral {} until its referrer is known", occasion.kind(), referralId);
		}
	}

	/**
	 * The closing letter of a planned course names the booked dates: it waits for
	 * SessionsScheduled (another topic, so either may come first) and is written when
	 * both are in. A SessionsScheduled writes a letter of its own only when it changes
	 * dates the referrer was already told.
	 */
	private void write(Cause cause, ReferrerContact contact, Occasion occasion) {
		String referralId = contact.referralId();
		if (occasion.kind() == LetterKind.SESSIONS_SCHEDULED) {
			Optional<PendingLetters.Pending> closing = courseLetters.takeWaiting(referralId);
			if (closing.isPresent()) {
				write(closing.get().cause(), contact, closing.get().occasion());
				return;
			}
			List<LocalDate> told = courseLetters.told(referralId);
			if (told.isEmpty() || told.equals(occasion.sessionDates())) {
				log.info("Course dates of referral {} go into its closing letter; event {} writes none", referralId,
						cause.eventId());
				return;
			}
		}
		boolean courseClosing = occasion.kind() == LetterKind.CLOSED && COURSE_PLANNED.equals(occasion.outcome());
		if (courseClosing && courseDates.of(referralId).isEmpty()) {
			courseLetters.awaitDates(cause, referralId, occasion, clock.instant());
			log.info("Closing letter of referral {} waits for the booked course dates", referralId);
			return;
		}
		Addressee to = contact.addressee();
		Letter letter = switch (occasion.kind()) {
			case ACCEPTED -> writing.accepted(to);
			case INFO_REQUESTED -> writing.informationRequested(to, occasion.question(), occasion.answerDueAt());
			case CLOSED -> writing.closed(to, occasion.outcome(), occasion.reasonCode(), occasion.noteToReferrer(),
					courseClosing ? coursePlans.of(referralId).orElse(null) : null, courseDates.of(referralId));
			case SESSIONS_SCHEDULED -> writing.sessionsScheduled(to, occasion.sessionDates());
			case CANCELLATIONS -> writing.cancellations(to, occasion.outcome(), occasion.cancellations());
			case WAITLISTED -> writing.waitlisted(to, occasion.outcome(), occasion.reasonCode());
			case BOOKED_FROM_WAITING_LIST -> writing.bookedFromWaitingList(to, occasion.sessionDates().get(0));
		};
		if (courseClosing || occasion.kind() == LetterKind.SESSIONS_SCHEDULED) {
			courseLetters.tell(referralId, courseDates.of(referralId));
		}
		StoredLetter stored = letters.add(letter, contact.referrerId(), cause.eventId(), clock.instant());
		outbox.publishEvent(new LetterWritten(stored.id(), UUID.randomUUID().toString()));
		log.info("Wrote {} letter {} for referral {}", letter.kind(), stored.id(), contact.referralId());
	}

}
