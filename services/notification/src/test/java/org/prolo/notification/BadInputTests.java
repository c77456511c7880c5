package org.prolo.notification;

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
 * Bad query values and methods against the letters and mailbox endpoints, through the
 * real store, sent by an intake coordinator (who may use both, so the input and not the
 * access rules decides the answer). The answer is always a 4xx application/problem+json,
 * never a 5xx.
 */
class BadInputTests extends HttpOnlyContext implements BadInputContract {

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
		cases.add(BadRequest.oversized("mailbox: DELETE with a 2 MB body", HttpMethod.DELETE, "/api/mailbox", 405));
		return cases.stream();
	}

	@Override
	public String caller() {
		return TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS);
	}

}
