package org.prolo.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.BadRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.prolo.platform.testing.BadRequest.oddIds;
import static org.prolo.platform.testing.BadRequest.raw;

/**
 * Bad path ids and methods against the appointments endpoint, through the real store,
 * sent by a clinical coordinator (who may read bookings, so the input and not the access
 * rules decides the answer). The answer is always a 4xx application/problem+json, never a
 * 5xx.
 */
class BadInputTests extends HttpOnlyContext {

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("badRequests")
	void answersEveryBadRequestWithA4xxProblem(BadRequest bad) throws Exception {
		bad.assertAnsweredBy(mvc,
				BadRequest.header(HttpHeaders.AUTHORIZATION, TestTokens.user("carl", Roles.CLINICAL_COORDINATORS)));
	}

	static Stream<BadRequest> badRequests() {
		List<BadRequest> cases = new ArrayList<>();
		for (String[] id : oddIds()) {
			cases.add(raw("appointments: id " + id[0], HttpMethod.GET, "/api/referrals/" + id[1] + "/appointments", 400,
					null));
		}
		cases.add(raw("appointments: blank id", HttpMethod.GET, "/api/referrals/%20/appointments", 400, null));
		cases.add(raw("appointments: POST", HttpMethod.POST, "/api/referrals/R-1/appointments", 405, null));
		cases.add(new BadRequest("appointments: POST with a 2 MB body", HttpMethod.POST,
				"/api/referrals/R-1/appointments", MediaType.APPLICATION_JSON_VALUE, new byte[2 * 1024 * 1024], 405,
				null));
		return cases.stream();
	}

	/** Path ids a client may send: odd characters, percent-encoded where they must be. */

}
