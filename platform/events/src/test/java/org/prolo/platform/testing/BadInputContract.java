package org.prolo.platform.testing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service's bad-input suite: each {@link BadRequest} of its
 * {@code static Stream<BadRequest> badRequests()}, sent by a caller who may use every
 * endpoint it names (so the input and not the access rules decides the answer), is
 * answered with its 4xx application/problem+json, never a 5xx.
 */
public interface BadInputContract {

	MockMvc mvc();

	/** The Authorization header of the caller who sends the bad requests. */
	String caller();

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("badRequests")
	default void answersEveryBadRequestWithA4xxProblem(BadRequest bad) throws Exception {
		bad.assertAnsweredBy(mvc(), BadRequest.header(HttpHeaders.AUTHORIZATION, caller()));
	}

}
