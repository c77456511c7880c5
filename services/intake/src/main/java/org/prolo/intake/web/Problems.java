package org.prolo.intake.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem types of the intake API; the URIs identify them and need not resolve. */
public final class Problems {

	public static final URI VALIDATION = URI.create("https://prolo.example/problems/invalid-request");

	public static final URI NOT_FOUND = URI.create("https://prolo.example/problems/referral-not-found");

	public static final URI CONFLICT = URI.create("https://prolo.example/problems/referral-state-conflict");

	public static final URI IDEMPOTENCY_KEY_REUSED = URI
		.create("https://prolo.example/problems/idempotency-key-reused");

	/** The platform's type for a 403, used here too when the referral's rules refuse. */
	public static final URI FORBIDDEN = URI.create("https://prolo.example/problems/forbidden");

	public static final URI TOO_MANY_SUBMISSIONS = URI.create("https://prolo.example/problems/too-many-submissions");

	public static final URI TIMELINE_UNAVAILABLE = URI.create("https://prolo.example/problems/timeline-unavailable");

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
