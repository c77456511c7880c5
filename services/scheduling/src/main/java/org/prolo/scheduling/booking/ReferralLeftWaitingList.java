package org.prolo.scheduling.booking;

import java.time.Instant;

/**
 * Domain event: a referral left the waiting list without a booking. Published in the same
 * transaction (outbox).
 *
 * @param eventId chosen in that transaction and stored with the event, so every copy the
 * outbox sends goes out under the same CloudEvents id
 * @param reason {@link #REFERRAL_CLOSED} or {@link #EXAM_COMPLETED}
 * @param closingOutcome the close's outcome for {@link #REFERRAL_CLOSED}; null otherwise
 */
public record ReferralLeftWaitingList(String eventId, String referralId, Purpose purpose, String reason,
		String closingOutcome, Instant leftAt) {

	/** The referral closed while it waited. */
	public static final String REFERRAL_CLOSED = "REFERRAL_CLOSED";

	/** The exam the referral waited for happened (or a course was planned after it). */
	public static final String EXAM_COMPLETED = "EXAM_COMPLETED";

}
