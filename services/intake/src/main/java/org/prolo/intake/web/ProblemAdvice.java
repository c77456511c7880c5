package org.prolo.intake.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.prolo.intake.referral.InvalidReferralException;
import org.prolo.intake.referral.ReferralAccessDeniedException;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.referral.ReferralStateConflictException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error with RFC 9457 problem+json; a validation failure lists every bad
 * field once in {@code errors}, whether Bean Validation or the domain's submission policy
 * found it.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// Bean Validation and the policy may both flag a field: name it once, with the
		// first message.
		Map<String, String> byField = new LinkedHashMap<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(error -> byField.putIfAbsent(error.getField(), String.valueOf(error.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> byField.putIfAbsent(error.getObjectName(), String.valueOf(error.getDefaultMessage())));
		// Sorted: Bean Validation reports in no particular order, clients and tests want
		// a stable one.
		var errors = byField.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> new FieldProblem(e.getKey(), e.getValue()))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Malformed request body",
				"The request body is not valid JSON of the expected shape.");
		// A value of the wrong type (text for a number, a bad date) is named like any
		// other bad field. The mapping exception carries the path; its own cause (a
		// DateTimeParseException, a number overflow) does not.
		JsonMappingException mapping = mappingExceptionIn(ex);
		if (mapping != null && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map(ref -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> a + "." + b)
				.orElse("");
			problem.setProperty("errors", List.of(new FieldProblem(field, "has a value of the wrong type or format")));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldProblem(String.valueOf(result.getMethodParameter().getParameterName()),
						String.valueOf(error.getDefaultMessage()))))
			.sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		return ResponseEntity.badRequest()
			.body(invalid(List.of(new FieldProblem(field, "has a value of the wrong type or format"))));
	}

	private static JsonMappingException mappingExceptionIn(Throwable ex) {
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof JsonMappingException mapping) {
				return mapping;
			}
		}
		return null;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidReferral(InvalidReferralException ex) {
		return ResponseEntity.badRequest()
			.body(invalid(ex.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
		return ResponseEntity.badRequest().body(invalid(ex.errors()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(ReferralNotFoundException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Referral not found",
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
			problem = Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
					"1 field(s) ask for what you may not do.");
			problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
		}
		else {
			problem = Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", ex.getMessage());
		}
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(ReferralStateConflictException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT,
				"Not possible in the referral's status", ex.getMessage());
		problem.setProperty("referralId", ex.referralId());
		// Not "status": that member is the HTTP status code (RFC 9457).
		problem.setProperty("referralStatus", ex.status().name());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	private static ProblemDetail invalid(List<FieldProblem> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request",
				errors.size() + " field(s) are invalid.");
		problem.setProperty("errors", errors);
		return problem;
	}

}
