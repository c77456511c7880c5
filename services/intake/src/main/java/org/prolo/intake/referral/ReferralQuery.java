package org.prolo.intake.referral;

import java.util.Objects;
import java.util.Optional;

import org.prolo.referralstatus.ReferralStatus;

/**
 * One page of a referrer's list, newest first, optionally only one status or only the
 * referrals whose own reference starts with a prefix (case ignored).
 *
 * @param page from 0
 * @param size referrals per page, 1 to {@link #MAX_SIZE}
 */
public record ReferralQuery(Optional<ReferralStatus> status, Optional<String> referencePrefix, int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/** Deep enough for 100 referrals a day for 27 years at the largest page size. */
	public static final int MAX_PAGE = 10_000;

	public ReferralQuery {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(referencePrefix, "referencePrefix");
		if (page < 0 || page > MAX_PAGE) {
			throw new IllegalArgumentException("page must be between 0 and " + MAX_PAGE);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
		}
	}

	public static ReferralQuery firstPage() {
		return new ReferralQuery(Optional.empty(), Optional.empty(), 0, DEFAULT_SIZE);
	}

	public long offset() {
		return (long) page * size;
	}

}
