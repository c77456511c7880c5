package org.prolo.intake.referral;

/**
 * The one status a physician sees. {@link #stage()} orders the open statuses so that
 * progress never steps back; closed statuses share the last stage and are final (see
 * {@link StatusProgression}).
 */
public enum ReferralStatus {

	SUBMITTED(0, false, FhirTaskStatus.REQUESTED), TRIAGE(1, false, FhirTaskStatus.RECEIVED),
	// Same stage as TRIAGE: triage and a request for information alternate until triage
	// decides.
	INFO_REQUESTED(1, false, FhirTaskStatus.ON_HOLD), ACCEPTED(2, false, FhirTaskStatus.IN_PROGRESS),
	// Same stage as ACCEPTED: accepted, but the clinic's calendar was full, so the exam
	// waits on scheduling's waiting list; back to ACCEPTED once it is booked.
	WAITING_FOR_APPOINTMENT(2, false, FhirTaskStatus.IN_PROGRESS), IN_ASSESSMENT(3, false, FhirTaskStatus.IN_PROGRESS),
	REJECTED(4, true, FhirTaskStatus.REJECTED), NOT_SUITABLE(4, true, FhirTaskStatus.REJECTED),
	WITHDRAWN(4, true, FhirTaskStatus.CANCELLED), COURSE_PLANNED(4, true, FhirTaskStatus.COMPLETED),
	// The referrer never answered and the clinic stopped working on it without a
	// decision, which FHIR calls cancelled (rejected would claim a decision).
	NO_RESPONSE(4, true, FhirTaskStatus.CANCELLED);

	private final int stage;

	private final boolean closed;

	private final FhirTaskStatus fhirStatus;

	ReferralStatus(int stage, boolean closed, FhirTaskStatus fhirStatus) {
		this.stage = stage;
		this.closed = closed;
		this.fhirStatus = fhirStatus;
	}

	int stage() {
		return stage;
	}

	public boolean isClosed() {
		return closed;
	}

	public FhirTaskStatus fhirStatus() {
		return fhirStatus;
	}

}
