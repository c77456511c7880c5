package org.prolo.platform.security.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A service this one depends on could not be read: down, too slow, answering an error or
 * nonsense, or no token to call it with. {@link ProblemHandling} answers it with a 503 of
 * type {@code <service>-unavailable}.
 */
public class ServiceUnavailableException extends RuntimeException {

	private final String service;

	/**
	 * @param service the other service's name, lower case ({@code timeline})
	 * @param reason what went wrong, without patient data; the problem's detail
	 */
	public ServiceUnavailableException(String service, String reason, Throwable cause) {
		super(reason, cause);
		this.service = service;
	}

	public String service() {
		return this.service;
	}

	/**
	 * The 503 problem: type {@code <service>-unavailable}, title "Timeline unavailable".
	 */
	public ProblemDetail problem() {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.type(this.service + "-unavailable"),
				Character.toUpperCase(this.service.charAt(0)) + this.service.substring(1) + " unavailable",
				getMessage());
	}

}
