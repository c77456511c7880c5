package org.prolo.intake.referral;

import java.util.List;
import java.util.Optional;

/** Where referrals are kept (port; the JDBC adapter is in {@code storage}). */
public interface Referrals {

	void add(Referral referral);

	Optional<Referral> findById(String id);

	/**
	 * The referral, locked until the surrounding transaction ends, so that a physician's
	 * request and a workflow event do not overwrite each other's change.
	 */
	Optional<Referral> lockById(String id);

	/**
	 * The referral, locked as {@link #lockById} does, for the actor to change.
	 * @throws ReferralNotFoundException when there is none, or it is hidden from the
	 * actor
	 * @throws ReferralAccessDeniedException when the actor may see but not change it
	 */
	default Referral lockForChangeBy(Actor actor, String id) {
		return lockById(id).map(referral -> ReferralAccess.changeableBy(actor, referral))
			.orElseThrow(() -> new ReferralNotFoundException(id));
	}

	/**
	 * A changed referral; only its status, open question, outcome and course wait can
	 * change.
	 */
	void update(Referral referral);

	/** The referrer's referrals, newest first. */
	List<Referral> findByReferrerId(String referrerId);

	/** One page of the referrer's referrals, newest first, as the query filters them. */
	ReferralPage findByReferrerId(String referrerId, ReferralQuery query);

}
