package org.prolo.scheduling.booking;

import java.time.Instant;

/**
 * Domain event: no slot was free within the horizon, so the referral went on the waiting
 * list. Published in the same transaction (outbox).
 *
 * @param eventId chosen in that transaction and stored with the event, so every copy the
 * outbox sends goes out under the same CloudEvents id
 */
public record ReferralWaitlisted(String eventId, String referralId, Purpose purpose, Instant waitlistedAt) {

	/** Why a referral waits: nothing free within the horizon. */
	public static final String CALENDAR_FULL = "CALENDAR_FULL";

}
