package org.prolo.portal.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.prolo.platform.security.problems.FieldProblem;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Turns intake's error answers (RFC 9457 problem+json) into the exceptions the pages
 * handle.
 */
final class IntakeErrors {

	private final ObjectMapper json;

	IntakeErrors(ObjectMapper json) {
		this.json = json;
	}

	IntakeException of(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		return switch (status) {
			case 400 -> new InvalidInputException(problem(response).errors());
			case 401 -> new SignInExpiredException();
			case 403 -> new IntakeRefusedException();
			case 404 -> new ReferralNotFoundException();
			case 409 -> new ReferralStateConflictException(problem(response).referralStatus());
			case 422 -> new IdempotencyKeyReusedException();
			case 429 -> new TooManySubmissionsException(retryAfter(response.getHeaders()));
			default -> new IntakeUnavailableException("Intake answered " + status);
		};
	}

	private Problem problem(ClientHttpResponse response) {
		try (InputStream body = response.getBody()) {
			Problem problem = this.json.readValue(body, Problem.class);
			return (problem != null) ? problem : Problem.EMPTY;
		}
		catch (IOException ex) {
			// An unreadable problem still says what the status says.
			return Problem.EMPTY;
		}
	}

	private static Long retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		try {
			return (value != null) ? Long.valueOf(value.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The members of intake's problems the portal reads. */
	record Problem(List<FieldProblem> errors, String referralStatus) {

		static final Problem EMPTY = new Problem(List.of(), null);

		Problem {
			errors = (errors != null) ? errors : List.of();
		}

	}

}
