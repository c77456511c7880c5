package org.prolo.notification.letter;

/** Why the clinic writes to the referrer. */
public enum LetterKind {

	/** Triage accepted the referral. */
	ACCEPTED,

	/** Triage needs more information from the referrer, by a due date. */
	INFO_REQUESTED,

	/** The referral reached its outcome: the loop is closed. */
	CLOSED,

	/** The sessions of the planned course were booked; lists their dates. */
	SESSIONS_SCHEDULED

}
