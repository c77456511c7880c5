package org.prolo.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.AccessMatrix;
import org.prolo.platform.security.testing.AccessMatrix.Access;
import org.prolo.platform.security.testing.AccessMatrix.Caller;
import org.prolo.platform.security.testing.AccessMatrix.Endpoint;
import org.prolo.platform.security.testing.AccessMatrixContract;
import org.prolo.platform.security.testing.DeadLetterReplayContract;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.http.HttpMethod;

/**
 * Who may call what: every endpoint of the scheduling service against every kind of
 * caller, through the production filter chain and access rules (tokens signed by
 * {@link TestTokens}, checked for signature, issuer and expiry as in production). An
 * endpoint a caller may use answers as it would anyone (a 400 for an incomplete replay is
 * a request that got past the rules); one it may not use answers 401, 403 or the sign-in
 * redirect, as {@link AccessMatrix} expects.
 */
class SchedulingAccessMatrixTests extends HttpOnlyContext implements AccessMatrixContract, DeadLetterReplayContract {

	static final Caller CLIENT_WITHOUT_SCOPE = Caller.bearer(
			"client workflow (timeline.read; no scope opens scheduling)",
			() -> TestTokens.client("workflow", Roles.TIMELINE_READ));

	static final AccessMatrix MATRIX = AccessMatrix.withServiceClients(CLIENT_WITHOUT_SCOPE);

	static final Set<Caller> STAFF = AccessMatrix.STAFF;

	@Override
	public Stream<Access> cases() {
		return MATRIX.cases(endpoints());
	}

	static List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		endpoints.add(new Endpoint(HttpMethod.GET, "/api/referrals/R-1/appointments", null, STAFF, 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/api/referrals/R-1/waiting-list", null, STAFF, 200));
		// Intake coordinators work the waiting list; clinic leads also add capacity.
		endpoints.add(new Endpoint(HttpMethod.GET, "/api/waiting-list", null,
				Set.of(Caller.INTAKE_COORDINATOR, Caller.CLINIC_LEAD), 200));
		endpoints.add(new Endpoint(HttpMethod.POST, "/api/capacity", "{\"date\":\"2030-03-04\",\"slots\":1}",
				Set.of(Caller.CLINIC_LEAD), 200));
		endpoints.addAll(MATRIX.platformEndpoints("/events/SessionsScheduled/v1.avsc"));
		return endpoints;
	}

	@Override
	public String csrfCookie() {
		return "XSRF-TOKEN-SCHEDULING";
	}

}
