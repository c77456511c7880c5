package org.prolo.imaging.order;

import java.util.Set;

/**
 * Which closes end the referral's imaging: every outcome but a planned course (which the
 * process reaches only after any report it asked for).
 */
public final class ClosingPolicy {

	private static final Set<String> ENDS_IMAGING = Set.of("WITHDRAWN", "REJECTED", "NOT_SUITABLE", "NO_RESPONSE");

	private ClosingPolicy() {
	}

	public static boolean closesOrders(String outcome) {
		return ENDS_IMAGING.contains(outcome);
	}

}
