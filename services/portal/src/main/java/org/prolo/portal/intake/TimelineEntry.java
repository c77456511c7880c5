package org.prolo.portal.intake;

import java.time.Instant;

/**
 * One event of a referral's timeline, as intake's GET /api/referrals/{id}/timeline lists
 * them under {@code entries}.
 *
 * @param type the event's name, e.g. ReferralTriaged
 * @param summary one line about it
 */
public record TimelineEntry(Instant at, String type, String summary) {

}
