package org.prolo.imaging.order;

import java.time.Instant;

/**
 * Referrals that closed without a course; no order is opened for them any more.
 * Implemented by an adapter.
 */
public interface ClosedReferrals {

	void record(String referralId, String outcome, Instant closedAt);

	boolean isClosed(String referralId);

}
