package org.prolo.intake.referral;

import java.time.Instant;

/**
 * Domain event: the referrer answered triage's request for information.
 *
 * @param eventId chosen in the answering transaction; the CloudEvents id of every copy
 * the outbox sends
 */
public record InformationWasProvided(String eventId, String referralId, Instant providedAt, String answer) {

	@Override
	public String toString() {
		return "InformationWasProvided[" + referralId + "]";
	}

}
