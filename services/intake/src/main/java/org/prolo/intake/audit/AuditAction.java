package org.prolo.intake.audit;

/**
 * What a request did with referrals, as the audit log names it.
 *
 * @param code the name in the log
 * @param success the answer when it succeeds, which is what a change records in its own
 * transaction
 */
enum AuditAction {

	READ("referral.read", 200), LIST("referral.list", 200), TIMELINE("referral.timeline", 200),
	SUBMIT("referral.submit", 201), WITHDRAW("referral.withdraw", 202), ANSWER("referral.answer", 202),
	FHIR_READ("fhir.service-request.read", 200), FHIR_CREATE("fhir.service-request.create", 201),
	FHIR_TASK_READ("fhir.task.read", 200), FHIR_TASK_SEARCH("fhir.task.search", 200), AUDIT_READ("audit.read", 200);

	private final String code;

	private final int success;

	AuditAction(String code, int success) {
		this.code = code;
		this.success = success;
	}

	String code() {
		return code;
	}

	int success() {
		return success;
	}

}
