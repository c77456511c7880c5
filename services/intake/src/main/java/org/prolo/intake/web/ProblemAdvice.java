package org.prolo.intake.web;

import java.util.List;

import org.prolo.intake.referral.InvalidReferralException;
import org.prolo.intake.referral.ReferralAccessDeniedException;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.referral.ReferralStateConflictException;
import org.prolo.platform.security.problems.FieldProblem;
import org.prolo.platform.security.problems.ProblemHandling;
import org.prolo.platform.security.problems.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The referral's own problems; bad input is answered by the platform's
 * {@link ProblemHandling}, so a submission policy's violations list every bad field in
 * {@code errors} like Bean Validation's.
 */
@RestControllerAdvice
public class ProblemAdvice extends ProblemHandling {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidReferral(InvalidReferralException ex) {
		return ResponseEntity.badRequest()
			.body(invalid(ex.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(ReferralNotFoundException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, IntakeProblems.NOT_FOUND, "Referral not found",
				ex.getMessage());
		problem.setProperty("referralId", ex.referralId());
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	/**
	 * The referral's rules refuse (another referrer's id in the body or the query, a
	 * coordinator withdrawing): named like a bad field, so a client sees what to change.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> forbidden(ReferralAccessDeniedException ex) {
		ProblemDetail problem;
		if (ex.field() != null) {
			problem = FieldProblem.attach(
					Problems.of(HttpStatus.FORBIDDEN, IntakeProblems.FORBIDDEN, "Forbidden",
							"1 field(s) ask for what you may not do."),
					List.of(new FieldProblem(ex.field(), ex.getMessage())));
		}
		else {
			problem = Problems.of(HttpStatus.FORBIDDEN, IntakeProblems.FORBIDDEN, "Forbidden", ex.getMessage());
		}
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(ReferralStateConflictException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, IntakeProblems.CONFLICT,
				"Not possible in the referral's status", ex.getMessage());
		problem.setProperty("referralId", ex.referralId());
		// Not "status": that member is the HTTP status code (RFC 9457).
		problem.setProperty("referralStatus", ex.status().name());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

}
