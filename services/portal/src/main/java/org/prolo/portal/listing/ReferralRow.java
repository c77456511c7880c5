package org.prolo.portal.listing;

import java.time.ZoneId;

import org.prolo.portal.intake.IntakeReferral;
import org.prolo.portal.referral.Condition;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.portal.web.Shown;

/** One row of the table of referrals. */
public record ReferralRow(String id, String condition, Shown submitted, String status, String fhirStatus,
		boolean actionNeeded, String reference) {

	static ReferralRow of(IntakeReferral referral, ZoneId zone) {
		return new ReferralRow(referral.id(), Condition.labelFor(referral.condition()),
				Shown.of(referral.submittedAt(), zone), ReferralStatus.wordsFor(referral.status()),
				referral.fhirStatus(), ReferralStatus.needsAction(referral.status()), referral.referrerReference());
	}

}
