package org.prolo.intake.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import org.springframework.web.ErrorResponse;

/**
 * How the FHIR endpoint answers errors: every client error as an OperationOutcome with
 * its 4xx status, never a 500, and without a log line quoting the request (HAPI logs the
 * message of an error that has no OperationOutcome, and a parse error quotes the value,
 * which may be patient data).
 */
@Interceptor
public class FhirErrors {

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException clientError(Throwable exception) {
		if (exception instanceof BaseServerResponseException response) {
			return (response.getStatusCode() < 500) ? withOperationOutcome(response) : null;
		}
		if (exception instanceof DataFormatException) {
			return withOperationOutcome(new InvalidRequestException(exception.getMessage()));
		}
		// The request size limit fails while HAPI reads the body, outside any provider.
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
				return withOperationOutcome(BaseServerResponseException.newInstance(error.getStatusCode().value(),
						error.getBody().getDetail()));
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private static BaseServerResponseException withOperationOutcome(BaseServerResponseException exception) {
		if (exception.getOperationOutcome() == null) {
			var outcome = new OperationOutcome();
			outcome.addIssue()
				.setSeverity(IssueSeverity.ERROR)
				.setCode(issueTypeOf(exception.getStatusCode()))
				.setDiagnostics(exception.getMessage());
			exception.setOperationOutcome(outcome);
		}
		return exception;
	}

	private static IssueType issueTypeOf(int status) {
		return switch (status) {
			case 400 -> IssueType.INVALID;
			case 401 -> IssueType.LOGIN;
			case 403 -> IssueType.FORBIDDEN;
			case 404 -> IssueType.NOTFOUND;
			case 405, 406, 415 -> IssueType.NOTSUPPORTED;
			case 413 -> IssueType.TOOLONG;
			case 429 -> IssueType.THROTTLED;
			default -> IssueType.PROCESSING;
		};
	}

}
