package org.prolo.notification.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.prolo.notification.letter.Cancellation;
import org.prolo.notification.letter.LetterKind;

/**
 * What a letter is to say, without whom it is for: all that a causing event carries, so
 * that a letter whose referrer is not known yet can be kept and written when the contact
 * arrives.
 */
public record Occasion(LetterKind kind, String question, Instant answerDueAt, String outcome, String reasonCode,
		String noteToReferrer, List<LocalDate> sessionDates, List<Cancellation> cancellations) {

	public Occasion {
		sessionDates = (sessionDates != null) ? List.copyOf(sessionDates) : List.of();
		cancellations = (cancellations != null) ? List.copyOf(cancellations) : List.of();
	}

	public Occasion(LetterKind kind, String question, Instant answerDueAt, String outcome, String reasonCode,
			String noteToReferrer, List<LocalDate> sessionDates) {
		this(kind, question, answerDueAt, outcome, reasonCode, noteToReferrer, sessionDates, null);
	}

	/**
	 * @param outcome the close that caused the cancellations
	 */
	static Occasion cancellations(String outcome, List<Cancellation> cancelled) {
		return new Occasion(LetterKind.CANCELLATIONS, null, null, outcome, null, null, null, cancelled);
	}

	static Occasion accepted() {
		return new Occasion(LetterKind.ACCEPTED, null, null, null, null, null, null);
	}

	static Occasion informationRequested(String question, Instant answerDueAt) {
		return new Occasion(LetterKind.INFO_REQUESTED, question, answerDueAt, null, null, null, null);
	}

	static Occasion closed(String outcome, String reasonCode, String noteToReferrer) {
		return new Occasion(LetterKind.CLOSED, null, null, outcome, reasonCode, noteToReferrer, null);
	}

	/**
	 * @param purpose what waits (EXAM or COURSE), kept as the outcome
	 */
	static Occasion waitlisted(String purpose, String reasonCode) {
		return new Occasion(LetterKind.WAITLISTED, null, null, purpose, reasonCode, null, null);
	}

	static Occasion examBookedFromWaitingList(LocalDate date) {
		return new Occasion(LetterKind.BOOKED_FROM_WAITING_LIST, null, null, null, null, null, List.of(date));
	}

	static Occasion sessionsScheduled(List<LocalDate> dates) {
		return new Occasion(LetterKind.SESSIONS_SCHEDULED, null, null, null, null, null, dates);
	}

}
