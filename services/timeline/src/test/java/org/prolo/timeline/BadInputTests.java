package org.prolo.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * Bad path ids and methods against the timeline and KPI endpoints, through the real
 * store, sent by a clinical coordinator (who may read both, so the input and not the
 * access rules decides the answer). The answer is always a 4xx application/problem+json,
 * never a 5xx.
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
			// The security firewall refuses these before the id is validated, so no
			// field is named.
			boolean firewall = Set.of("NUL", "encoded slash", "dot segments").contains(id[0]);
			cases.add(raw("timeline: id " + id[0], HttpMethod.GET, "/api/referrals/" + id[1] + "/timeline", 400,
					firewall ? null : "id"));
		}
		cases.add(raw("timeline: unknown id", HttpMethod.GET, "/api/referrals/R-unknown/timeline", 404, null));
		cases.add(raw("timeline: POST", HttpMethod.POST, "/api/referrals/R-1/timeline", 405, null));
		cases.add(raw("kpis: POST", HttpMethod.POST, "/api/kpis", 405, null));
		cases.add(new BadRequest("kpis: PUT with a 2 MB body", HttpMethod.PUT, "/api/kpis",
				MediaType.APPLICATION_JSON_VALUE, new byte[2 * 1024 * 1024], 405, null));
		return cases.stream();
	}

	/** Path ids a client may send: odd characters, percent-encoded where they must be. */

}
