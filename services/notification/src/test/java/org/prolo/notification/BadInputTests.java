package org.prolo.notification;

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
 * Bad query values and methods against the letters and mailbox endpoints, through the
 * real store, sent by an intake coordinator (who may use both, so the input and not the
 * access rules decides the answer). The answer is always a 4xx application/problem+json,
 * never a 5xx.
 */
class BadInputTests extends HttpOnlyContext {

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("badRequests")
	void answersEveryBadRequestWithA4xxProblem(BadRequest bad) throws Exception {
		bad.assertAnsweredBy(mvc,
				BadRequest.header(HttpHeaders.AUTHORIZATION, TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS)));
	}

	static Stream<BadRequest> badRequests() {
		List<BadRequest> cases = new ArrayList<>();
		cases.add(raw("letters: no referralId", HttpMethod.GET, "/api/letters", 400, "referralId"));
		cases.add(raw("letters: blank referralId", HttpMethod.GET, "/api/letters?referralId=%20", 400, "referralId"));
		cases.add(raw("letters: 10k chars referralId", HttpMethod.GET, "/api/letters?referralId=" + "R".repeat(10_000),
				400, "referralId"));
		for (String[] id : oddIds()) {
			if (!id[0].equals("10k chars")) {
				cases.add(raw("letters: referralId " + id[0], HttpMethod.GET, "/api/letters?referralId=" + id[1], 400,
						"referralId"));
			}
		}
		cases.add(raw("letters: POST", HttpMethod.POST, "/api/letters?referralId=R-1", 405, null));
		cases.add(raw("mailbox: POST", HttpMethod.POST, "/api/mailbox", 405, null));
		cases.add(new BadRequest("mailbox: DELETE with a 2 MB body", HttpMethod.DELETE, "/api/mailbox",
				MediaType.APPLICATION_JSON_VALUE, new byte[2 * 1024 * 1024], 405, null));
		return cases.stream();
	}

	/** Path ids a client may send: odd characters, percent-encoded where they must be. */

}
