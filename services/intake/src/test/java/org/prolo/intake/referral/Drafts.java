package org.prolo.intake.referral;

import java.time.LocalDate;

/** A draft that satisfies the policy, to break one rule at a time. */
final class Drafts {

	private Drafts() {
	}

	static ReferralDraft valid() {
		return new ReferralDraft("dr-ada", "Dr Ada Lovelace", "ada@referrers.example", "P-1a2b3c4d", "Demo Patient 1",
				LocalDate.of(1970, 1, 1), "1 Demo Street", "KNEE_OSTEOARTHRITIS", "left knee", 9, true, false, false,
				false, false, false, false, "ROUTINE", "free text");
	}

	static ReferralDraft withoutPseudonym() {
		ReferralDraft d = valid();
		return new ReferralDraft(d.referrerId(), d.referrerName(), d.referrerEmail(), null, d.patientName(),
				d.patientBirthDate(), d.patientAddress(), d.condition(), d.bodySite(), d.painDurationMonths(),
				d.priorConservativeCare(), d.anticoagulated(), d.allergyToInjectate(), d.pregnant(),
				d.uncontrolledDiabetes(), d.activeInfectionAtSite(), d.malignancyAtSite(), d.urgency(), d.notes());
	}

}
