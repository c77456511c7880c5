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
	 * A changed referral; only its status, open question, outcome and course wait can
	 * change.
	 */
	void update(Referral referral);

	/** The referrer's referrals, newest first. */
	List<Referral> findByReferrerId(String referrerId);

	/** One page of the referrer's referrals, newest first, as the query filters them. */
	ReferralPage findByReferrerId(String referrerId, ReferralQuery query);

}
