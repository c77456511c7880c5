package org.prolo.timeline.timeline;

/**
 * The one status a physician sees, with the FHIR Task status code an EHR reads
 * (docs/api.md, "The status a physician sees").
 */
public enum ReferralStatus {

	SUBMITTED("requested", false),

	TRIAGE("received", false),

	INFO_REQUESTED("on-hold", false),

	ACCEPTED("in-progress", false),

	IN_ASSESSMENT("in-progress", false),

	REJECTED("rejected", true),

	NOT_SUITABLE("rejected", true),

	WITHDRAWN("cancelled", true),

	COURSE_PLANNED("completed", true),

	/**
	 * Closed because the referrer did not answer a request for information in time. Not
	 * in the lifecycle document's mapping; mapped to cancelled, as the request was not
	 * acted on and the clinic did not refuse it.
	 */
	NO_RESPONSE("cancelled", true);

	private final String fhirStatus;

	private final boolean closed;

	ReferralStatus(String fhirStatus, boolean closed) {
		this.fhirStatus = fhirStatus;
		this.closed = closed;
	}

	/** The FHIR R4 Task.status code. */
	public String fhirStatus() {
		return fhirStatus;
	}

	public boolean closed() {
		return closed;
	}

}
