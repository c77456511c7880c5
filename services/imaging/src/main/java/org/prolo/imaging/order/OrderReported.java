package org.prolo.imaging.order;

import java.time.Instant;

/**
 * Domain event: radiology reported on an order. Published in the reporting transaction
 * (outbox).
 *
 * @param eventId chosen in the reporting transaction and stored with the event, so every
 * copy the outbox sends goes out under the same CloudEvents id
 */
public record OrderReported(String eventId, String orderId, String referralId, Instant reportedAt, Findings findings) {
}
