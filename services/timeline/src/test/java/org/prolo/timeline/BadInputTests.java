package org.prolo.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.BadInputContract;
import org.prolo.platform.testing.BadRequest;

import org.springframework.http.HttpMethod;

import static org.prolo.platform.testing.BadRequest.oddIds;
import static org.prolo.platform.testing.BadRequest.raw;

/**
 * Bad path ids and methods against the timeline and KPI endpoints, through the real
 * store, sent by a clinical coordinator (who may read both, so the input and not the
 * access rules decides the answer). The answer is always a 4xx application/problem+json,
 * never a 5xx.
 */
class BadInputTests extends HttpOnlyContext implements BadInputContract {

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
		cases.add(BadRequest.oversized("kpis: PUT with a 2 MB body", HttpMethod.PUT, "/api/kpis", 405));
		return cases.stream();
	}

	@Override
	public String caller() {
		return TestTokens.user("carl", Roles.CLINICAL_COORDINATORS);
	}

}
