package org.prolo.workflow.taskapi;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.prolo.workflow.process.TaskInputValidation.InvalidTaskInputException;

/**
 * Answers 400 with the rules a task completion broke. Camunda's task resource turns every
 * engine exception of complete/submit-form into a 500 RestException whose cause chain
 * holds the listener's exception (wrapped in "There was an exception while invoking the
 * TaskListener"); this mapper is chosen over Camunda's RestExceptionHandler for the same
 * exception type by its higher priority (Camunda's has the default, USER) and hands every
 * other RestException to Camunda's own helper, so their answers do not change. Both
 * answers are Camunda's REST error format ({type, message, code}).
 */
@Priority(Priorities.USER - 1)
public class InvalidTaskInputMapper implements ExceptionMapper<RestException> {

	@Override
	public Response toResponse(RestException exception) {
		ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
		InvalidTaskInputException invalid = invalidTaskInput(exception);
		if (invalid == null) {
			return camunda.getResponse(exception);
		}
		return camunda.getResponse(new InvalidRequestException(Status.BAD_REQUEST, invalid, invalid.getMessage()));
	}

	static InvalidTaskInputException invalidTaskInput(Throwable exception) {
		// bounded: a cause chain may be cyclic
		Throwable cause = exception;
		for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
			if (cause instanceof InvalidTaskInputException invalid) {
				return invalid;
			}
		}
		return null;
	}

}
