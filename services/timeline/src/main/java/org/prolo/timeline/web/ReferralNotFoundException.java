package org.prolo.timeline.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No event of this referral has reached the timeline (unknown id, or not yet). */
class ReferralNotFoundException extends ErrorResponseException {

	ReferralNotFoundException(String referralId) {
		super(HttpStatus.NOT_FOUND, problem(referralId), null);
	}

	private static ProblemDetail problem(String referralId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No events of referral " + referralId + " have been recorded");
		problem.setTitle("Referral not found");
		problem.setProperty("referralId", referralId);
		return problem;
	}

}
