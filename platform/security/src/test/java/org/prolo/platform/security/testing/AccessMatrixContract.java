package org.prolo.platform.security.testing;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.prolo.platform.security.testing.AccessMatrix.Access;
import org.prolo.platform.security.testing.AccessMatrix.Caller;
import org.prolo.platform.security.testing.AccessMatrix.Endpoint;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may call what, for a service tested through {@link HttpOnlyServiceContext}: every
 * endpoint it names against every caller of its {@link AccessMatrix}, through the
 * production filter chain and access rules (tokens signed by {@link TestTokens}, checked
 * for signature, issuer and expiry as in production). An endpoint a caller may use
 * answers as it would anyone; one it may not use answers 401, 403 or the sign-in
 * redirect, as {@link AccessMatrix} expects.
 */
public interface AccessMatrixContract {

	/**
	 * Every endpoint of the service, the platform's included, against every caller of its
	 * {@link AccessMatrix}: {@code MATRIX.cases(endpoints)}.
	 */
	Stream<Access> cases();

	MockMvc mvc();

	@TestFactory
	default Stream<DynamicTest> answersEachCallerAsTheRulesSay() {
		MockMvc mvc = mvc();
		return cases().map(access -> DynamicTest.dynamicTest(access.toString(), () -> access.verify(mvc)));
	}

	/** On the first API endpoint that a clinician reads with 200. */
	@Test
	default void sendsTheSecurityHeaders() throws Exception {
		Endpoint read = cases().map(Access::endpoint)
			.filter(endpoint -> endpoint.method() == HttpMethod.GET && endpoint.path().startsWith("/api/")
					&& endpoint.status() == 200 && endpoint.allowed().contains(Caller.CLINICIAN))
			.findFirst()
			.orElseThrow();
		mvc().perform(get(read.path()).header(HttpHeaders.AUTHORIZATION, Caller.CLINICIAN.token()))
			.andExpect(status().isOk())
			.andExpect(AccessMatrix.securityHeaders());
	}

}
