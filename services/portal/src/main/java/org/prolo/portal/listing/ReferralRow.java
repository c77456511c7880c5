package org.prolo.portal.listing;

import java.time.ZoneId;

import org.prolo.portal.intake.IntakeReferral;
import org.prolo.portal.referral.Condition;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.referralstatus.ShownStatus;
import org.prolo.portal.web.Shown;

/** One row of the table of referrals. */
public record ReferralRow(String id, String condition, Shown submitted, String status, String fhirStatus,
		boolean actionNeeded, String reference) {

	static ReferralRow of(IntakeReferral referral, ZoneId zone) {
		return new ReferralRow(referral.id(), Condition.labelFor(referral.condition()),
				Shown.of(referral.submittedAt(), zone), ShownStatus.wordsFor(referral.status(), referral.waitingFor()),
				referral.fhirStatus(), ReferralStatus.needsAction(referral.status()), referral.referrerReference());
	}

}
