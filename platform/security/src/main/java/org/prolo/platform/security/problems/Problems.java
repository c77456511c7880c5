package org.prolo.platform.security.problems;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem details with a type of this project; the type URIs identify a kind of
 * problem and need not resolve.
 */
public final class Problems {

	/** Every 400 about bad input, whichever service answers it. */
	public static final URI INVALID_REQUEST = type("invalid-request");

	/**
	 * A service this one depends on cannot be read (down, slow, refusing or no token).
	 */
	public static final URI SERVICE_UNAVAILABLE = type("service-unavailable");

	private Problems() {
	}

	/** The type {@code https://prolo.example/problems/<name>}. */
	public static URI type(String name) {
		return URI.create("https://prolo.example/problems/" + name);
	}

	public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
