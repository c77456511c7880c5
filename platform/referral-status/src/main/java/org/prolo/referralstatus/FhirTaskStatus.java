package org.prolo.referralstatus;

/**
 * The FHIR R4 Task.status codes a referral's status maps onto, so that an EHR can read
 * it.
 */
public enum FhirTaskStatus {

	REQUESTED("requested"), RECEIVED("received"), ON_HOLD("on-hold"), IN_PROGRESS("in-progress"), REJECTED("rejected"),
	CANCELLED("cancelled"), COMPLETED("completed");

	private final String code;

	FhirTaskStatus(String code) {
		this.code = code;
	}

	/** The code as FHIR spells it. */
	public String code() {
		return code;
	}

}
