package org.prolo.workflow.inspection;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.prolo.platform.events.DeadLetters;

/**
 * RFC 9457 problems of the inspection API; a 400 names every bad path variable under
 * {@code errors}. Scoped to this controller and not a ResponseEntityExceptionHandler, so
 * Boot's own problem handling stays in charge everywhere else in the service.
 */
@RestControllerAdvice(assignableTypes = InspectionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InspectionProblems {

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle(ex.title());
		return problem(problem);
	}

	@ExceptionHandler(JobNotFailedException.class)
	ResponseEntity<ProblemDetail> notFailed(JobNotFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Job has not failed");
		return problem(problem);
	}

	@ExceptionHandler(DeadLetters.ReplayRefusedException.class)
	ResponseEntity<ProblemDetail> replayRefused(DeadLetters.ReplayRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Replay refused by the broker");
		return problem(problem);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException ex) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> Map.of("field", field(error, result.getMethodParameter().getParameterName()), "message",
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return badRequest(errors);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		return badRequest(List.of(Map.of("field", ex.getName(), "message", "must be a whole number")));
	}

	private static ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid " + String.join(", ", errors.stream().map(error -> error.get("field")).toList()));
		problem.setProperty("errors", errors);
		return problem(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String field(MessageSourceResolvable error, String parameter) {
		if (error instanceof FieldError fieldError) {
			return fieldError.getField();
		}
		return (parameter != null) ? parameter : "request";
	}

}
