package org.prolo.imaging.order;

import java.time.Instant;

/**
 * Domain event: an open order was closed unreported because its referral closed.
 * Published in the closing transaction (outbox).
 *
 * @param eventId chosen in the closing transaction and stored with the event, so every
 * copy the outbox sends goes out under the same CloudEvents id
 * @param reason the outcome of the referral's close
 */
public record OrderClosed(String eventId, String orderId, String referralId, Instant closedAt, String reason) {
}
