package org.prolo.workflow.lifecycle;

/**
 * A clinician's confirmation of the decision table's suitability result.
 * SPECIALIST_REVIEW asks for the clinician's judgement, so deciding it either way is not
 * an override, but it needs a rationale like an override.
 */
public record SuitabilityReview(String dmnSuitability, String decision, String rationale) {

	public static final String SUITABLE = "SUITABLE";

	public static final String NOT_SUITABLE = "NOT_SUITABLE";

	public static final String SPECIALIST_REVIEW = "SPECIALIST_REVIEW";

	/** The clinician decided against a definite table result. */
	public boolean overridden() {
		return !SPECIALIST_REVIEW.equals(dmnSuitability) && !decision.equals(dmnSuitability);
	}

	/** Any decision that differs from the table's result must be explained in writing. */
	public boolean needsRationale() {
		return !decision.equals(dmnSuitability);
	}

	/**
	 * The reason the referral closes with when it is not suitable: the table's reason
	 * when it had one against suitability, otherwise the clinician's override.
	 */
	public String closingReasonCode(String dmnReasonCode) {
		return SUITABLE.equals(dmnSuitability) ? "CLINICIAN_OVERRIDE" : dmnReasonCode;
	}

}
