package org.prolo.intake.submission;

/**
 * A request a physician made under an Idempotency-Key: that physician may use the key
 * again only for the same request, which then yields the same referral.
 */
record IdempotentRequest(String referrerId, String key, String requestHash, String referralId) {

	/**
	 * Rule: a key stands for one request; the same key with another body is a client
	 * error.
	 */
	boolean isReplayOf(String otherRequestHash) {
		return requestHash.equals(otherRequestHash);
	}

}
