package org.prolo.intake.referral;

/**
 * Who may see and change which referral. A referral carries a patient's identity, so it
 * is shown to its referrer and to the clinic's staff only; another physician must not
 * even learn that it exists, so to them it is {@link Decision#HIDDEN}, answered exactly
 * like an unknown id. Only the referrer changes a referral (withdraws it, answers the
 * clinic's question): the clinic changes it through its workflow, never through intake.
 */
public final class ReferralAccess {

	/** What the caller is told. */
	public enum Decision {

		ALLOWED,
		/** As if the referral did not exist. */
		HIDDEN,
		/** The caller may know it exists but may not do this. */
		FORBIDDEN

	}

	private ReferralAccess() {
	}

	/** Reading a referral or its timeline: its referrer or any staff member. */
	public static Decision toRead(Actor actor, Referral referral) {
		return (actor.staff() || refers(actor, referral.referrer().id())) ? Decision.ALLOWED : Decision.HIDDEN;
	}

	/**
	 * Withdrawing or answering: its referrer only; staff may see it, so they are told no.
	 */
	public static Decision toChange(Actor actor, Referral referral) {
		if (refers(actor, referral.referrer().id())) {
			return Decision.ALLOWED;
		}
		return actor.staff() ? Decision.FORBIDDEN : Decision.HIDDEN;
	}

	/** Submitting: a physician, in their own name only. */
	public static Decision toSubmitAs(Actor actor, String referrerId) {
		return refers(actor, referrerId) ? Decision.ALLOWED : Decision.FORBIDDEN;
	}

	/** Listing a referrer's referrals: that referrer or any staff member. */
	public static Decision toList(Actor actor, String referrerId) {
		return (actor.staff() || refers(actor, referrerId)) ? Decision.ALLOWED : Decision.FORBIDDEN;
	}

	/**
	 * The referral, when the actor may read it.
	 * @throws ReferralNotFoundException otherwise, as for an unknown id
	 */
	public static Referral readableBy(Actor actor, Referral referral) {
		if (toRead(actor, referral) != Decision.ALLOWED) {
			throw new ReferralNotFoundException(referral.id());
		}
		return referral;
	}

	/**
	 * The referral, when the actor may change it.
	 * @throws ReferralNotFoundException when it is hidden from the actor
	 * @throws ReferralAccessDeniedException when the actor may see but not change it
	 */
	public static Referral changeableBy(Actor actor, Referral referral) {
		return switch (toChange(actor, referral)) {
			case ALLOWED -> referral;
			case HIDDEN -> throw new ReferralNotFoundException(referral.id());
			case FORBIDDEN -> throw new ReferralAccessDeniedException(null,
					"Only the referring physician changes a referral; the clinic changes it through its workflow.");
		};
	}

	private static boolean refers(Actor actor, String referrerId) {
		return actor.physician() && actor.id().equals(referrerId);
	}

}
