package org.prolo.workflow.inspection;

/**
 * A retry of a job that has retries left: the job executor is still trying it (answered
 * 409).
 */
class JobNotFailedException extends RuntimeException {

	JobNotFailedException(String jobId, int retries) {
		super("Job " + jobId + " has " + retries + " retries left; the job executor tries it again by itself");
	}

}
