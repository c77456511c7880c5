package org.prolo.intake.referral;

import java.util.List;

/**
 * One page of a referrer's referrals.
 *
 * @param total how many referrals the query matches on all pages
 */
public record ReferralPage(List<Referral> referrals, long total) {

	public ReferralPage {
		referrals = List.copyOf(referrals);
	}

}
