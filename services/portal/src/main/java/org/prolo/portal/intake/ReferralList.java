package org.prolo.portal.intake;

import java.util.List;

/**
 * One page of the physician's referrals, as intake answers it.
 *
 * @param total how many referrals match the filter on all pages
 */
public record ReferralList(List<IntakeReferral> referrals, long total) {

	public ReferralList {
		referrals = List.copyOf(referrals);
	}

}
