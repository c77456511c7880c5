/**
 * RFC 9457 problem details for every service's JSON API, written once: the field-error
 * shape and the handling of bad input that every service shares (a parameter that fails
 * validation, a value of the wrong type, a body that is not the JSON the operation
 * reads). A service's own advice extends
 * {@link org.prolo.platform.security.problems.ProblemHandling} and adds its domain's
 * exceptions.
 */
package org.prolo.platform.security.problems;
