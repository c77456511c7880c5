package org.prolo.timeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.BrowserSessions;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may call what: every endpoint of the timeline service against every kind of caller,
 * through the production filter chain and access rules (tokens signed by
 * {@link TestTokens}, checked for signature, issuer and expiry as in production). An
 * endpoint a caller may use answers as it would anyone (a 404 for an unknown referral is
 * a request that got past the rules); one it may not use answers 401, 403 or the sign-in
 * redirect. The page at / is also checked with browser sessions, as staff open it.
 */
class TimelineAccessMatrixTests extends HttpOnlyContext {

	private static final String SIGN_IN = "/oauth2/authorization/prolo";

	/** Everyone with a valid token, person or service. */
	static final Set<Caller> SIGNED_IN = EnumSet.range(Caller.PHYSICIAN, Caller.PROMETHEUS);

	static final Set<Caller> STAFF = EnumSet.range(Caller.INTAKE_COORDINATOR, Caller.CLINIC_LEAD);

	/** Staff, and the services that show timelines to their own users. */
	static final Set<Caller> STAFF_OR_TIMELINE_READ = EnumSet.of(Caller.INTAKE_COORDINATOR, Caller.CLINICAL_COORDINATOR,
			Caller.CLINICIAN, Caller.CLINIC_LEAD, Caller.INTAKE_SERVICE, Caller.WORKFLOW_SERVICE);

	static List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (String page : new String[] { "/", "/index.html", "/timeline.js" }) {
			endpoints.add(new Endpoint(HttpMethod.GET, page, null, STAFF, 200));
		}
		endpoints
			.add(new Endpoint(HttpMethod.GET, "/api/referrals/R-unknown/timeline", null, STAFF_OR_TIMELINE_READ, 404));
		endpoints.add(new Endpoint(HttpMethod.GET, "/api/kpis", null, STAFF_OR_TIMELINE_READ, 200));
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			endpoints.add(new Endpoint(HttpMethod.GET, probe, null, null, 200));
		}
		endpoints.add(new Endpoint(HttpMethod.GET, "/actuator/prometheus", null,
				EnumSet.of(Caller.CLINIC_LEAD, Caller.PROMETHEUS), 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/actuator/info", null, EnumSet.of(Caller.CLINIC_LEAD), 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/actuator/deadletters", null, EnumSet.of(Caller.CLINIC_LEAD), 200));
		// Without partition and offset: a replay that gets past the rules is refused as
		// incomplete, and nothing is replayed.
		endpoints.add(new Endpoint(HttpMethod.POST, "/actuator/deadletters/workflow.referral-events", "{}",
				EnumSet.of(Caller.CLINIC_LEAD), 400));
		endpoints.add(new Endpoint(HttpMethod.GET, "/v3/api-docs", null, SIGNED_IN, 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/swagger-ui.html", null, SIGNED_IN, 302));
		endpoints.add(new Endpoint(HttpMethod.GET, "/swagger-ui/index.html", null, SIGNED_IN, 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/asyncapi.yaml", null, SIGNED_IN, 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/events/ReferralClosed/v1.avsc", null, SIGNED_IN, 200));
		return endpoints;
	}

	static Stream<Access> matrix() {
		return endpoints().stream()
			.flatMap(endpoint -> Arrays.stream(Caller.values()).map(caller -> new Access(endpoint, caller)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void answersEachCallerAsTheRulesSay(Access access) throws Exception {
		MockHttpServletResponse response = mvc.perform(access.request()).andReturn().getResponse();

		assertThat(response.getStatus()).as("status of %s", access).isEqualTo(access.expectedStatus());
		switch (access.refusal()) {
			case UNAUTHENTICATED -> {
				assertThat(response.getContentType()).as("content type of %s", access)
					.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).as("challenge of %s", access)
					.startsWith("Bearer");
			}
			case FORBIDDEN -> assertThat(response.getContentType()).as("content type of %s", access)
				.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			case SIGN_IN -> assertThat(response.getRedirectedUrl()).as("redirect of %s", access).endsWith(SIGN_IN);
			// Swagger UI's own redirect, not the sign-in.
			case NONE -> assertThat(response.getRedirectedUrl()).as("redirect of %s", access)
				.satisfiesAnyOf(url -> assertThat(url).isNull(), url -> assertThat(url).doesNotEndWith(SIGN_IN));
		}
	}

	@Test
	void sendsTheSecurityHeaders() throws Exception {
		mvc.perform(get("/api/kpis").header(HttpHeaders.AUTHORIZATION, Caller.CLINICIAN.token()))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().exists("Content-Security-Policy"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void servesThePageToSignedInStaffBrowsersOnly() throws Exception {
		mvc.perform(get("/").accept(MediaType.TEXT_HTML)
			.with(BrowserSessions.signedIn("carl", Roles.CLINICAL_COORDINATORS)))
			.andExpect(status().isOk())
			.andExpect(forwardedUrl("index.html"));
		mvc.perform(get("/index.html").accept(MediaType.TEXT_HTML)
			.with(BrowserSessions.signedIn("carl", Roles.CLINICAL_COORDINATORS)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<script src=\"/timeline.js\"></script>")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Content-Security-Policy", startsWith("default-src 'self'")))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
		mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(BrowserSessions.signedIn("dr-ada", Roles.PHYSICIAN)))
			.andExpect(status().isForbidden());
	}

	@Test
	void letsThePageReadTheApiWithItsSession() throws Exception {
		// What the page's fetch() sends: the session cookie, no token, no CSRF header
		// (a GET needs none).
		mvc.perform(get("/api/referrals/R-unknown/timeline").accept(MediaType.APPLICATION_JSON)
			.with(BrowserSessions.signedIn("carl", Roles.CLINICAL_COORDINATORS))).andExpect(status().isNotFound());
	}

	@Test
	void pageHasNoInlineScriptThePolicyWouldBlock() throws Exception {
		String csp = mvc.perform(get("/index.html").with(BrowserSessions.signedIn("carl", Roles.CLINICAL_COORDINATORS)))
			.andReturn()
			.getResponse()
			.getHeader("Content-Security-Policy");
		assertThat(csp).as("scripts fall back to default-src 'self'").doesNotContain("script-src");
		String page = new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
		assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(page).find())
			.as("an inline <script> in index.html")
			.isFalse();
		assertThat(page).doesNotContainPattern("\\son[a-z]+\\s*=");
	}

	@Test
	void refusesAReplayFromABrowserSessionWithoutCsrfToken() throws Exception {
		mvc.perform(post("/actuator/deadletters/workflow.referral-events")
			.with(BrowserSessions.signedIn("leo", Roles.CLINIC_LEADS))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());

		// Past the CSRF check and the rules, refused only as incomplete.
		mvc.perform(post("/actuator/deadletters/workflow.referral-events")
			.with(BrowserSessions.signedIn("leo", Roles.CLINIC_LEADS))
			.cookie(new Cookie("XSRF-TOKEN-TIMELINE", "a-csrf-token"))
			.header("X-XSRF-TOKEN", "a-csrf-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest());
		mvc.perform(post("/actuator/deadletters/workflow.referral-events")
			.header(HttpHeaders.AUTHORIZATION, Caller.CLINIC_LEAD.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest());
	}

	/** The kinds of caller the rules tell apart. */
	enum Caller {

		ANONYMOUS("anonymous API client", null), ANONYMOUS_BROWSER("anonymous browser", null),
		PHYSICIAN("physician dr-ada", () -> TestTokens.physician("dr-ada")),
		INTAKE_COORDINATOR("intake coordinator ingrid", () -> TestTokens.user("ingrid", Roles.INTAKE_COORDINATORS)),
		CLINICAL_COORDINATOR("clinical coordinator carl", () -> TestTokens.user("carl", Roles.CLINICAL_COORDINATORS)),
		CLINICIAN("clinician clara", () -> TestTokens.user("clara", Roles.CLINICIANS)),
		CLINIC_LEAD("clinic lead leo", () -> TestTokens.user("leo", Roles.CLINIC_LEADS)),
		INTAKE_SERVICE("client intake (timeline.read)", () -> TestTokens.client("intake", Roles.TIMELINE_READ)),
		WORKFLOW_SERVICE("client workflow (timeline.read)", () -> TestTokens.client("workflow", Roles.TIMELINE_READ)),
		CLIENT_WITHOUT_SCOPE("client radiology (imaging.report, not timeline.read)",
				() -> TestTokens.client("radiology", Roles.IMAGING_REPORT)),
		PROMETHEUS("client prometheus (metrics.read)", () -> TestTokens.client("prometheus", Roles.METRICS_READ)),
		EXPIRED("clinic lead leo with an expired token", () -> TestTokens.expired("leo", Roles.CLINIC_LEADS)),
		FORGED("clinic lead leo with a forged token", () -> TestTokens.forged("leo", Roles.CLINIC_LEADS));

		private final String label;

		// Signed when the request is made: a token made when the class loads could
		// expire in a slow build.
		private final Supplier<String> token;

		Caller(String label, Supplier<String> token) {
			this.label = label;
			this.token = token;
		}

		String token() {
			return this.token.get();
		}

		RequestPostProcessor credentials() {
			return request -> {
				if (this == ANONYMOUS_BROWSER) {
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
	 * @param allowed who gets past the rules; null when the endpoint is open to anyone
	 * @param status the answer when the rules let the caller through
	 */
	record Endpoint(HttpMethod method, String path, String body, Set<Caller> allowed, int status) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	enum Refusal {

		NONE, UNAUTHENTICATED, FORBIDDEN, SIGN_IN

	}

	record Access(Endpoint endpoint, Caller caller) {

		Refusal refusal() {
			// A token that fails validation is refused even where none is needed: the
			// caller must learn that its token is bad.
			if (this.caller == Caller.EXPIRED || this.caller == Caller.FORGED) {
				return Refusal.UNAUTHENTICATED;
			}
			if (this.endpoint.allowed() == null) {
				return Refusal.NONE;
			}
			if (this.caller == Caller.ANONYMOUS) {
				return Refusal.UNAUTHENTICATED;
			}
			if (this.caller == Caller.ANONYMOUS_BROWSER) {
				return Refusal.SIGN_IN;
			}
			return this.endpoint.allowed().contains(this.caller) ? Refusal.NONE : Refusal.FORBIDDEN;
		}

		int expectedStatus() {
			return switch (refusal()) {
				case NONE -> this.endpoint.status();
				case UNAUTHENTICATED -> 401;
				case FORBIDDEN -> 403;
				case SIGN_IN -> 302;
			};
		}

		MockHttpServletRequestBuilder request() {
			MockHttpServletRequestBuilder request = MockMvcRequestBuilders
				.request(this.endpoint.method(), this.endpoint.path())
				.with(this.caller.credentials());
			if (this.endpoint.body() != null) {
				request.contentType(MediaType.APPLICATION_JSON).content(this.endpoint.body());
			}
			return request;
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
