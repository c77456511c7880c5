package org.prolo.imaging.worklist;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.prolo.imaging.order.FieldViolation;
import org.prolo.imaging.order.InvalidFindingsException;
import org.prolo.imaging.order.OrderAlreadyReportedException;
import org.prolo.imaging.order.OrderClosedException;
import org.prolo.imaging.order.OrderNotFoundException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the worklist API; a 400 lists every bad field in
 * {@code errors}.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler(InvalidFindingsException.class)
	ProblemDetail invalidFindings(InvalidFindingsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The report has "
				+ ex.violations().size() + " invalid field" + (ex.violations().size() == 1 ? "" : "s"));
		problem.setTitle("Invalid report");
		problem.setProperty("errors", errors(ex.violations()));
		return problem;
	}

	@ExceptionHandler(OrderNotFoundException.class)
	ProblemDetail notFound(OrderNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(OrderAlreadyReportedException.class)
	ProblemDetail alreadyReported(OrderAlreadyReportedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(OrderClosedException.class)
	ProblemDetail closed(OrderClosedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String message = "has an invalid value";
		Class<?> type = ex.getRequiredType();
		if (type != null && type.isEnum()) {
			message = "must be one of "
					+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid value for " + field);
		problem.setProperty("errors", errors(List.of(new FieldViolation(field, message))));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON for this operation");
		// A value of the wrong JSON type (e.g. "redFlag":"maybe") still names its field.
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath()
				.stream()
				.map(JsonMappingException.Reference::getFieldName)
				.filter(name -> name != null)
				.collect(Collectors.joining("."));
			problem.setProperty("errors", errors(List.of(new FieldViolation(field, "has a value of the wrong type"))));
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static List<Map<String, String>> errors(List<FieldViolation> violations) {
		return violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList();
	}

}
