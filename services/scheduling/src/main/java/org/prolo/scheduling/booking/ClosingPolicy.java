package org.prolo.scheduling.booking;

import java.util.Set;

/**
 * Which closes end the referral's bookings: every outcome but a planned course, whose
 * sessions are what the referral was for.
 */
public final class ClosingPolicy {

	private static final Set<String> ENDS_BOOKINGS = Set.of("WITHDRAWN", "REJECTED", "NOT_SUITABLE", "NO_RESPONSE");

	private ClosingPolicy() {
	}

	public static boolean cancelsBookings(String outcome) {
		return ENDS_BOOKINGS.contains(outcome);
	}

}
