package org.prolo.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.BadInputContract;
import org.prolo.platform.testing.BadRequest;

import org.springframework.http.HttpMethod;

import static org.prolo.platform.testing.BadRequest.oddIds;
import static org.prolo.platform.testing.BadRequest.raw;

/**
 * Bad path ids and methods against the appointments endpoint, through the real store,
 * sent by a clinical coordinator (who may read bookings, so the input and not the access
 * rules decides the answer). The answer is always a 4xx application/problem+json, never a
 * 5xx.
 */
class BadInputTests extends HttpOnlyContext implements BadInputContract {

	static Stream<BadRequest> badRequests() {
		List<BadRequest> cases = new ArrayList<>();
		for (String[] id : oddIds()) {
			cases.add(raw("appointments: id " + id[0], HttpMethod.GET, "/api/referrals/" + id[1] + "/appointments", 400,
					null));
		}
		cases.add(raw("appointments: blank id", HttpMethod.GET, "/api/referrals/%20/appointments", 400, null));
		cases.add(raw("appointments: POST", HttpMethod.POST, "/api/referrals/R-1/appointments", 405, null));
		cases.add(BadRequest.oversized("appointments: POST with a 2 MB body", HttpMethod.POST,
				"/api/referrals/R-1/appointments", 405));
		return cases.stream();
	}

	@Override
	public String caller() {
		return TestTokens.user("carl", Roles.CLINICAL_COORDINATORS);
	}

}
