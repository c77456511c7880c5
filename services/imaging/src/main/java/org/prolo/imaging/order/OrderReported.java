package org.prolo.imaging.order;

import java.time.Instant;

/**
 * Domain event: radiology reported on an order. Published in the reporting transaction
 * (outbox).
 */
public record OrderReported(String orderId, String referralId, Instant reportedAt, Findings findings) {
}
