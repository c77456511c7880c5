package org.prolo.notification.outbox;

/**
 * A workflow event arrived before the ReferralSubmitted that names the referrer (they travel on
 * different topics). Thrown so that the listener's bounded retries give intake's event time to
 * arrive; after them the event is parked in the dead-letter topic.
 */
public class ReferrerNotKnownException extends RuntimeException {

	public ReferrerNotKnownException(String referralId) {
		super("No referrer known yet for referral " + referralId);
	}

}
