package org.prolo.timeline.timeline;

import java.time.Instant;

import org.prolo.referralstatus.ReferralStatus;

/**
 * One event in a referral's timeline.
 *
 * @param eventId the event's CloudEvents id
 * @param occurredAt the event's CloudEvents time
 * @param source the producing service (CloudEvents source)
 * @param summary short and free of patient data
 * @param statusAfter the status the event moves the referral to, null if none
 */
public record TimelineEntry(String eventId, String referralId, EventKind kind, Instant occurredAt, String source,
		String summary, ReferralStatus statusAfter) {
}
