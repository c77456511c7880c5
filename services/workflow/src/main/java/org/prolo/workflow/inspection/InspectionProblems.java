package org.prolo.workflow.inspection;

import org.prolo.platform.events.DeadLetters;
import org.prolo.platform.security.problems.ProblemHandling;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The inspection API's own problems; a bad path variable is the platform's 400 that names
 * it under {@code errors}. Scoped to this controller, so Boot's own problem handling
 * stays in charge of the rest of the service (Tasklist, the engine's REST API).
 */
@RestControllerAdvice(assignableTypes = InspectionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InspectionProblems extends ProblemHandling {

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle(ex.title());
		return problem;
	}

	@ExceptionHandler(JobNotFailedException.class)
	ProblemDetail notFailed(JobNotFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Job has not failed");
		return problem;
	}

	@ExceptionHandler(DeadLetters.ReplayRefusedException.class)
	ProblemDetail replayRefused(DeadLetters.ReplayRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Replay refused by the broker");
		return problem;
	}

}
