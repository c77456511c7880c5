package org.prolo.scheduling.appointments;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problems; a bad request lists every bad field under {@code errors}. */
@RestControllerAdvice
class ProblemHandling extends org.prolo.platform.security.problems.ProblemHandling {

}
