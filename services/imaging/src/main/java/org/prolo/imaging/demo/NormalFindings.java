package org.prolo.imaging.demo;

import java.time.Duration;
import java.time.Instant;

import org.prolo.imaging.order.Findings;
import org.prolo.imaging.order.ImagingOrder;
import org.prolo.imaging.order.OrderStatus;

/**
 * What the stand-in radiologist writes, and when: a finding that changes nothing in
 * management, for orders that have waited at least the delay.
 */
final class NormalFindings {

	static final Findings REPORT = Findings.of(false, null, false, null,
			"No acute abnormality. No fracture, tumour, infection or "
					+ "inflammatory arthritis. No full-thickness tear. (Automatic demo report.)");

	private NormalFindings() {
	}

	static boolean due(ImagingOrder order, Instant now, Duration delay) {
		return order.status() == OrderStatus.OPEN && !order.requestedAt().plus(delay).isAfter(now);
	}

}
