package org.prolo.scheduling.booking;

import java.time.Instant;

/**
 * Referrals that closed without a course; nothing is booked for them any more.
 * Implemented by an adapter.
 */
public interface ClosedReferrals {

	/**
	 * @return true when this call recorded the close, false when it was known
	 */
	boolean record(String referralId, String outcome, Instant closedAt);

	boolean isClosed(String referralId);

}
