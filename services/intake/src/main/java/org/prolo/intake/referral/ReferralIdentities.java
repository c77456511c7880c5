package org.prolo.intake.referral;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** How referral ids and generated patient pseudonyms look. */
public final class ReferralIdentities {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ReferralIdentities() {
	}

	/**
	 * "R-" and a random UUID: unique without coordination, and says nothing about the
	 * patient.
	 */
	public static String newReferralId() {
		return "R-" + UUID.randomUUID();
	}

	/**
	 * A domain event's id, chosen when the fact happens. The outbox publishes the event
	 * under it, however often it has to send it, so consumers can drop the copies.
	 */
	public static String newEventId() {
		return UUID.randomUUID().toString();
	}

	/** "P-" and 8 random hex digits, for a referrer who has no pseudonym of their own. */
	public static String newPseudonym() {
		byte[] bytes = new byte[4];
		RANDOM.nextBytes(bytes);
		return "P-" + HexFormat.of().formatHex(bytes);
	}

}
