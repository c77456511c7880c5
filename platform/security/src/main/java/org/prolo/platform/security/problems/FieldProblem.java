package org.prolo.platform.security.problems;

import java.util.List;

import org.springframework.http.ProblemDetail;

/**
 * One bad field of a request, as every service names it in a problem's {@code errors}.
 *
 * @param field the field's name or JSON path ({@code request} when none can be named)
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {

	/** Lists the problems under {@code errors}, the one place clients look for them. */
	public static ProblemDetail attach(ProblemDetail problem, List<FieldProblem> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

}
