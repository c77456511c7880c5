package org.prolo.imaging.worklist;

import java.util.List;

import org.prolo.imaging.order.FieldViolation;
import org.prolo.imaging.order.InvalidFindingsException;
import org.prolo.imaging.order.OrderAlreadyReportedException;
import org.prolo.imaging.order.OrderClosedException;
import org.prolo.imaging.order.OrderNotFoundException;
import org.prolo.platform.security.problems.FieldProblem;
import org.prolo.platform.security.problems.ProblemHandling;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the worklist API; a 400 lists every bad field in
 * {@code errors}.
 */
@RestControllerAdvice
class ProblemAdvice extends ProblemHandling {

	@ExceptionHandler(InvalidFindingsException.class)
	ProblemDetail invalidFindings(InvalidFindingsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The report has "
				+ ex.violations().size() + " invalid field" + (ex.violations().size() == 1 ? "" : "s"));
		problem.setTitle("Invalid report");
		return FieldProblem.attach(problem, errors(ex.violations()));
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

	private static List<FieldProblem> errors(List<FieldViolation> violations) {
		return violations.stream().map(v -> new FieldProblem(v.field(), v.message())).toList();
	}

}
