package org.prolo.referralstatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one status a physician sees, with the FHIR R4 Task.status an EHR reads (the name
 * itself is the Task's businessStatus) and its wording. {@link #stage()} orders the open
 * statuses so that progress never steps back; closed statuses share the last stage and
 * are final (see {@link StatusProgression}). What a referral waits for beside its status
 * is worded and mapped with it by {@link ShownStatus}.
 */
public enum ReferralStatus {

	SUBMITTED(0, false, FhirTaskStatus.REQUESTED, "Submitted"),

	TRIAGE(1, false, FhirTaskStatus.RECEIVED, "In triage"),

	// Same stage as TRIAGE: triage and a request for information alternate until triage
	// decides.
	INFO_REQUESTED(1, false, FhirTaskStatus.ON_HOLD, "Information requested"),

	ACCEPTED(2, false, FhirTaskStatus.IN_PROGRESS, "Accepted"),

	// Same stage as ACCEPTED: accepted, but the clinic's calendar was full, so the exam
	// waits on scheduling's waiting list; back to ACCEPTED once it is booked.
	WAITING_FOR_APPOINTMENT(2, false, FhirTaskStatus.IN_PROGRESS, "Accepted, waiting for an appointment"),

	IN_ASSESSMENT(3, false, FhirTaskStatus.IN_PROGRESS, "In assessment"),

	REJECTED(4, true, FhirTaskStatus.REJECTED, "Rejected"),

	NOT_SUITABLE(4, true, FhirTaskStatus.REJECTED, "Not suitable for prolotherapy"),

	WITHDRAWN(4, true, FhirTaskStatus.CANCELLED, "Withdrawn"),

	COURSE_PLANNED(4, true, FhirTaskStatus.COMPLETED, "Course of treatment planned"),

	// The referrer never answered and the clinic stopped working on it without a
	// decision, which FHIR calls cancelled (rejected would claim a decision).
	NO_RESPONSE(4, true, FhirTaskStatus.CANCELLED, "Closed: no answer to the request for information");

	private final int stage;

	private final boolean closed;

	private final FhirTaskStatus fhirStatus;

	private final String words;

	ReferralStatus(int stage, boolean closed, FhirTaskStatus fhirStatus, String words) {
		this.stage = stage;
		this.closed = closed;
		this.fhirStatus = fhirStatus;
		this.words = words;
	}

	/** Empty for a code this side does not know (a newer sender). */
	public static Optional<ReferralStatus> of(String code) {
		return Arrays.stream(values()).filter(status -> status.name().equals(code)).findFirst();
	}

	/** The status in words; an unknown code is shown as it came rather than hidden. */
	public static String wordsFor(String code) {
		return of(code).map(ReferralStatus::words).orElse(String.valueOf(code));
	}

	/**
	 * Whether the physician may still withdraw it. An unknown status counts as closed:
	 * offering a withdrawal that intake then refuses helps nobody.
	 */
	public static boolean isOpen(String code) {
		return of(code).map(status -> !status.isClosed()).orElse(false);
	}

	/** The clinic waits for the physician's answer. */
	public static boolean needsAction(String code) {
		return INFO_REQUESTED.name().equals(code);
	}

	int stage() {
		return this.stage;
	}

	public boolean isClosed() {
		return this.closed;
	}

	public FhirTaskStatus fhirStatus() {
		return this.fhirStatus;
	}

	/** How the portal words it for a physician. */
	public String words() {
		return this.words;
	}

}
