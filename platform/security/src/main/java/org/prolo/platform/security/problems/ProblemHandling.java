package org.prolo.platform.security.problems;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem details for bad input, the same in every service: one 400 of type
 * {@link Problems#INVALID_REQUEST} that names each bad field once in {@code errors} as a
 * {@link FieldProblem}, sorted by field, whether Bean Validation, a type conversion, the
 * JSON reader or the service itself ({@link InvalidRequestException}) found it; and a 503
 * for a service this one depends on ({@link ServiceUnavailableException}). A service's
 * {@code @RestControllerAdvice} extends this and adds handlers for its own domain's
 * exceptions.
 */
public abstract class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final String WRONG_TYPE = "has a value of the wrong type or format";

	/** The one 400 shape for bad fields. */
	public static ProblemDetail invalid(List<FieldProblem> errors) {
		List<FieldProblem> sorted = errors.stream()
			.sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
			.toList();
		return FieldProblem.attach(Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request",
				errors.size() + " field(s) are invalid."), sorted);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
		return ResponseEntity.badRequest().body(invalid(ex.errors()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ex.problem());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// Bean Validation and a class-level rule may both flag a field: name it once,
		// with
		// the first message.
		Map<String, String> byField = new LinkedHashMap<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(error -> byField.putIfAbsent(error.getField(), String.valueOf(error.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> byField.putIfAbsent(error.getObjectName(), String.valueOf(error.getDefaultMessage())));
		List<FieldProblem> errors = byField.entrySet()
			.stream()
			.map(e -> new FieldProblem(e.getKey(), e.getValue()))
			.toList();
		return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldProblem(field(error, result.getMethodParameter().getParameterName()),
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		String message = WRONG_TYPE;
		Class<?> type = ex.getRequiredType();
		if (type != null && type.isEnum()) {
			message = "must be one of "
					+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
		}
		return handleExceptionInternal(ex, invalid(List.of(new FieldProblem(field, message))), headers,
				HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Malformed request body",
				"The request body is not valid JSON of the expected shape.");
		// A value of the wrong type (text for a number, a bad date) still names its
		// field.
		// The mapping exception carries the path; its own cause (a
		// DateTimeParseException, a number overflow) does not.
		JsonMappingException mapping = mappingExceptionIn(ex);
		if (mapping != null && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map(ref -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."));
			FieldProblem.attach(problem, List.of(new FieldProblem(field, WRONG_TYPE)));
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static @Nullable JsonMappingException mappingExceptionIn(Throwable ex) {
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof JsonMappingException mapping) {
				return mapping;
			}
		}
		return null;
	}

	private static String field(MessageSourceResolvable error, @Nullable String parameter) {
		if (error instanceof FieldError fieldError) {
			return fieldError.getField();
		}
		return (parameter != null) ? parameter : "request";
	}

}
