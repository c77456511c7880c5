package org.prolo.portal.referral;

import java.util.Arrays;
import java.util.Optional;

/**
 * The statuses intake reports, as a physician reads them. The FHIR Task code is not
 * repeated here: intake sends it with every referral.
 */
public enum ReferralStatus {

	SUBMITTED("Submitted", false), TRIAGE("In triage", false), INFO_REQUESTED("Information requested", false),
	ACCEPTED("Accepted", false), WAITING_FOR_APPOINTMENT("Accepted, waiting for an appointment", false),
	IN_ASSESSMENT("In assessment", false), REJECTED("Rejected", true),
	NOT_SUITABLE("Not suitable for prolotherapy", true), WITHDRAWN("Withdrawn", true),
	COURSE_PLANNED("Course of treatment planned", true),
	NO_RESPONSE("Closed: no answer to the request for information", true);

	private final String words;

	private final boolean closed;

	ReferralStatus(String words, boolean closed) {
		this.words = words;
		this.closed = closed;
	}

	/** Empty for a status this portal does not know yet (a newer intake). */
	public static Optional<ReferralStatus> of(String code) {
		return Arrays.stream(values()).filter(status -> status.name().equals(code)).findFirst();
	}

	/**
	 * The status in words; an unknown code is shown as it came rather than hidden.
	 */
	public static String wordsFor(String code) {
		return of(code).map(ReferralStatus::words).orElse(String.valueOf(code));
	}

	/**
	 * Whether the physician may still withdraw it. An unknown status counts as closed:
	 * offering a withdrawal that intake then refuses helps nobody.
	 */
	public static boolean isOpen(String code) {
		return of(code).map(status -> !status.closed).orElse(false);
	}

	/** The clinic waits for the physician's answer. */
	public static boolean needsAction(String code) {
		return INFO_REQUESTED.name().equals(code);
	}

	public String words() {
		return words;
	}

	public boolean isClosed() {
		return closed;
	}

}
