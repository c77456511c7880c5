package org.prolo.referralstatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a referral waits for on the clinic's waiting list, told to its physician beside
 * the status. The status cannot always say it: a planned course closes the referral for
 * good, yet its sessions may still wait for dates.
 */
public enum WaitingFor {

	/** The accepted referral's exam; the status says so too (WAITING_FOR_APPOINTMENT). */
	EXAM,

	/**
	 * The sessions of the planned course have no dates yet; the referral stays
	 * COURSE_PLANNED.
	 */
	COURSE;

	/** Empty for a code this side does not know (a newer sender). */
	public static Optional<WaitingFor> of(String code) {
		return Arrays.stream(values()).filter(waitingFor -> waitingFor.name().equals(code)).findFirst();
	}

}
