package org.prolo.intake.referral;

import java.time.Instant;

/** Domain event: the referrer answered triage's request for information. */
public record InformationWasProvided(String referralId, Instant providedAt, String answer) {

	@Override
	public String toString() {
		return "InformationWasProvided[" + referralId + "]";
	}

}
