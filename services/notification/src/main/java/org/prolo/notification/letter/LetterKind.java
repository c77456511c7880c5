package org.prolo.notification.letter;

/** Why the clinic writes to the referrer. */
public enum LetterKind {

	/** Triage accepted the referral. */
	ACCEPTED,

	/** Triage needs more information from the referrer, by a due date. */
	INFO_REQUESTED,

	/** The referral reached its outcome: the loop is closed. */
	CLOSED,

	/**
	 * The course was booked again after the closing letter gave its dates; lists the new
	 * dates.
	 */
	SESSIONS_SCHEDULED,

	/** A close cancelled booked appointments or an open imaging order; lists them. */
	CANCELLATIONS,

	/**
	 * The referral is accepted (or its course planned) but the clinic's calendar is full:
	 * it waits for an appointment.
	 */
	WAITLISTED,

	/** A referral that waited for its examination is booked; gives the date. */
	BOOKED_FROM_WAITING_LIST

}
