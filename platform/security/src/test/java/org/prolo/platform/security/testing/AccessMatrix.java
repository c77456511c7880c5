package org.prolo.platform.security.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.prolo.platform.security.Roles;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, as a table: every endpoint of a service against every kind of
 * caller, through the production filter chain and access rules (tokens signed by
 * {@link TestTokens}). A service lists its endpoints with the callers each lets through;
 * the answer every other caller gets follows from the rules every service shares: a bad
 * token is refused with 401 even where none is needed, an open endpoint answers anyone,
 * an anonymous API client gets 401, an anonymous browser the sign-in redirect, and a
 * signed-in caller not let through 403.
 *
 * <pre>
 * static final AccessMatrix MATRIX = AccessMatrix.withServiceClients(RADIOLOGY);
 *
 * static Stream&lt;Access&gt; matrix() {
 *     return MATRIX.cases(endpoints());
 * }
 *
 * &#64;ParameterizedTest(name = "{0}")
 * &#64;MethodSource("matrix")
 * void answersEachCallerAsTheRulesSay(Access access) throws Exception {
 *     access.verify(mvc);
 * }
 * </pre>
 */
public final class AccessMatrix {

	/** Where an anonymous browser is sent to sign in. */
	public static final String SIGN_IN = "/oauth2/authorization/prolo";

	/** The four staff groups, one user each. */
	public static final Set<Caller> STAFF = Set.of(Caller.INTAKE_COORDINATOR, Caller.CLINICAL_COORDINATOR,
			Caller.CLINICIAN, Caller.CLINIC_LEAD);

	private final List<Caller> callers;

	private AccessMatrix(List<Caller> callers) {
		this.callers = List.copyOf(callers);
	}

	/**
	 * The callers every service tells apart, with the service clients that matter to this
	 * service after the staff and before prometheus.
	 */
	public static AccessMatrix withServiceClients(Caller... serviceClients) {
		List<Caller> callers = new ArrayList<>(List.of(Caller.ANONYMOUS, Caller.ANONYMOUS_BROWSER, Caller.PHYSICIAN,
				Caller.INTAKE_COORDINATOR, Caller.CLINICAL_COORDINATOR, Caller.CLINICIAN, Caller.CLINIC_LEAD));
		callers.addAll(Arrays.asList(serviceClients));
		callers.addAll(List.of(Caller.PROMETHEUS, Caller.EXPIRED, Caller.FORGED));
		return new AccessMatrix(callers);
	}

	/** Every caller, in the order of the cases. */
	public List<Caller> callers() {
		return this.callers;
	}

	/** Everyone with a valid token, person or service. */
	public Set<Caller> signedIn() {
		return Set.copyOf(this.callers.stream().filter(caller -> caller.kind == Kind.VALID_TOKEN).toList());
	}

	/** Each endpoint against each caller, endpoint by endpoint. */
	/**
	 * What every service serves from the platform: open probes, metrics for Prometheus
	 * and clinic leads, the other actuator endpoints and dead-letter replay for clinic
	 * leads, and API documents for anyone signed in.
	 * @param eventSchema the path of one event schema the service serves
	 */
	public List<Endpoint> platformEndpoints(String eventSchema) {
		List<Endpoint> endpoints = new java.util.ArrayList<>();
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			endpoints.add(new Endpoint(HttpMethod.GET, probe, null, null, 200));
		}
		endpoints.add(new Endpoint(HttpMethod.GET, "/actuator/prometheus", null,
				Set.of(Caller.CLINIC_LEAD, Caller.PROMETHEUS), 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/actuator/info", null, Set.of(Caller.CLINIC_LEAD), 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/actuator/deadletters", null, Set.of(Caller.CLINIC_LEAD), 200));
		// Without partition and offset: a replay that gets past the rules is refused as
		// incomplete, and nothing is replayed.
		endpoints.add(new Endpoint(HttpMethod.POST, "/actuator/deadletters/workflow.referral-events", "{}",
				Set.of(Caller.CLINIC_LEAD), 400));
		Set<Caller> signedIn = signedIn();
		endpoints.add(new Endpoint(HttpMethod.GET, "/v3/api-docs", null, signedIn, 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/swagger-ui.html", null, signedIn, 302));
		endpoints.add(new Endpoint(HttpMethod.GET, "/swagger-ui/index.html", null, signedIn, 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/asyncapi.yaml", null, signedIn, 200));
		endpoints.add(new Endpoint(HttpMethod.GET, eventSchema, null, signedIn, 200));
		return endpoints;
	}

	/** The headers platform/security puts on every answer. */
	public static org.springframework.test.web.servlet.ResultMatcher securityHeaders() {
		var header = org.springframework.test.web.servlet.result.MockMvcResultMatchers.header();
		return org.springframework.test.web.servlet.ResultMatcher.matchAll(
				header.string("X-Content-Type-Options", "nosniff"), header.string("X-Frame-Options", "DENY"),
				header.exists("Content-Security-Policy"), header.string("Referrer-Policy", "same-origin"));
	}

	public Stream<Access> cases(List<Endpoint> endpoints) {
		return endpoints.stream()
			.flatMap(endpoint -> this.callers.stream().map(caller -> new Access(endpoint, caller)));
	}

	private enum Kind {

		ANONYMOUS, ANONYMOUS_BROWSER, VALID_TOKEN, BAD_TOKEN

	}

	/** A kind of caller the rules tell apart. */
	public static final class Caller {

		public static final Caller ANONYMOUS = new Caller("anonymous API client", Kind.ANONYMOUS, null);

		public static final Caller ANONYMOUS_BROWSER = new Caller("anonymous browser", Kind.ANONYMOUS_BROWSER, null);

		public static final Caller PHYSICIAN = bearer("physician dr-ada", () -> TestTokens.physician("dr-ada"));

		public static final Caller INTAKE_COORDINATOR = bearer("intake coordinator ingrid",
				() -> TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS));

		public static final Caller CLINICAL_COORDINATOR = bearer("clinical coordinator carl",
				() -> TestTokens.user("carl", Roles.CLINICAL_COORDINATORS));

		public static final Caller CLINICIAN = bearer("clinician clara",
				() -> TestTokens.user("clara", Roles.CLINICIANS));

		public static final Caller CLINIC_LEAD = bearer("clinic lead leo",
				() -> TestTokens.user("leo", Roles.CLINIC_LEADS));

		public static final Caller PROMETHEUS = bearer("client prometheus (metrics.read)",
				() -> TestTokens.client("prometheus", Roles.METRICS_READ));

		public static final Caller EXPIRED = new Caller("clinic lead leo with an expired token", Kind.BAD_TOKEN,
				() -> TestTokens.expired("leo", Roles.CLINIC_LEADS));

		public static final Caller FORGED = new Caller("clinic lead leo with a forged token", Kind.BAD_TOKEN,
				() -> TestTokens.forged("leo", Roles.CLINIC_LEADS));

		private final String label;

		private final Kind kind;

		// Signed when the request is made: a token made when the class loads could
		// expire in a slow build.
		private final Supplier<String> token;

		private Caller(String label, Kind kind, Supplier<String> token) {
			this.label = label;
			this.kind = kind;
			this.token = token;
		}

		/**
		 * A caller with a valid token, such as a service client of one service.
		 * @param label how the case names the caller
		 * @param token signs the token, as "Bearer ...", for each request
		 */
		public static Caller bearer(String label, Supplier<String> token) {
			return new Caller(label, Kind.VALID_TOKEN, token);
		}

		/** The Authorization header value; only for callers that send a token. */
		public String token() {
			return this.token.get();
		}

		/** What the caller sends: its token, and a browser's Accept header. */
		public RequestPostProcessor credentials() {
			return request -> {
				if (this.kind == Kind.ANONYMOUS_BROWSER) {
					request.addHeader(HttpHeaders.ACCEPT,
							"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
				}
				if (this.token != null) {
					request.addHeader(HttpHeaders.AUTHORIZATION, token());
				}
				return request;
			};
		}

		@Override
		public String toString() {
			return this.label;
		}

	}

	/**
	 * @param body JSON sent as the request body; null for none
	 * @param allowed who gets past the rules; null when the endpoint is open to anyone
	 * @param status the answer when the rules let the caller through
	 */
	public record Endpoint(HttpMethod method, String path, String body, Set<Caller> allowed, int status) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/** How the rules turn a caller away, if they do. */
	public enum Refusal {

		NONE, UNAUTHENTICATED, FORBIDDEN, SIGN_IN

	}

	/** One case: a caller calling an endpoint, named after the answer it must get. */
	public record Access(Endpoint endpoint, Caller caller) {

		public Refusal refusal() {
			// A token that fails validation is refused even where none is needed: the
			// caller must learn that its token is bad.
			if (this.caller.kind == Kind.BAD_TOKEN) {
				return Refusal.UNAUTHENTICATED;
			}
			if (this.endpoint.allowed() == null) {
				return Refusal.NONE;
			}
			if (this.caller.kind == Kind.ANONYMOUS) {
				return Refusal.UNAUTHENTICATED;
			}
			if (this.caller.kind == Kind.ANONYMOUS_BROWSER) {
				return Refusal.SIGN_IN;
			}
			return this.endpoint.allowed().contains(this.caller) ? Refusal.NONE : Refusal.FORBIDDEN;
		}

		public int expectedStatus() {
			return switch (refusal()) {
				case NONE -> this.endpoint.status();
				case UNAUTHENTICATED -> 401;
				case FORBIDDEN -> 403;
				case SIGN_IN -> 302;
			};
		}

		public MockHttpServletRequestBuilder request() {
			MockHttpServletRequestBuilder request = MockMvcRequestBuilders
				.request(this.endpoint.method(), this.endpoint.path())
				.with(this.caller.credentials());
			if (this.endpoint.body() != null) {
				request.contentType(MediaType.APPLICATION_JSON).content(this.endpoint.body());
			}
			return request;
		}

		/**
		 * Makes the request and checks the answer: the status, and for a refusal its
		 * shape (problem+json with a Bearer challenge for 401, problem+json for 403, the
		 * sign-in redirect for a browser).
		 */
		public void verify(MockMvc mvc) throws Exception {
			MockHttpServletResponse response = mvc.perform(request()).andReturn().getResponse();

			assertThat(response.getStatus()).as("status of %s", this).isEqualTo(expectedStatus());
			switch (refusal()) {
				case UNAUTHENTICATED -> {
					assertThat(response.getContentType()).as("content type of %s", this)
						.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
					assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).as("challenge of %s", this)
						.startsWith("Bearer");
				}
				case FORBIDDEN -> assertThat(response.getContentType()).as("content type of %s", this)
					.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				case SIGN_IN -> assertThat(response.getRedirectedUrl()).as("redirect of %s", this).endsWith(SIGN_IN);
				// An endpoint's own redirect (Swagger UI's), not the sign-in.
				case NONE -> assertThat(response.getRedirectedUrl()).as("redirect of %s", this)
					.satisfiesAnyOf(url -> assertThat(url).isNull(), url -> assertThat(url).doesNotEndWith(SIGN_IN));
			}
		}

		@Override
		public String toString() {
			String answer = switch (refusal()) {
				case NONE -> String.valueOf(this.endpoint.status());
				case UNAUTHENTICATED -> "401";
				case FORBIDDEN -> "403";
				case SIGN_IN -> "302 to sign-in";
			};
			return this.endpoint + " as " + this.caller + " → " + answer;
		}

	}

}
