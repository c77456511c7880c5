package org.prolo.intake.web;

import java.net.URI;

import org.prolo.platform.security.problems.Problems;

/**
 * Problem types of intake's own domain; bad input is the platform's
 * {@link Problems#INVALID_REQUEST}.
 */
public final class IntakeProblems {

	public static final URI NOT_FOUND = Problems.type("referral-not-found");

	public static final URI CONFLICT = Problems.type("referral-state-conflict");

	public static final URI IDEMPOTENCY_KEY_REUSED = Problems.type("idempotency-key-reused");

	/** The platform's type for a 403, used here too when the referral's rules refuse. */
	public static final URI FORBIDDEN = Problems.type("forbidden");

	public static final URI TOO_MANY_SUBMISSIONS = Problems.type("too-many-submissions");

	private IntakeProblems() {
	}

}
